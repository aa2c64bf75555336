import type { Role } from "./auth/permissions";

/** Shown on the sign-in page of a demo database only; a production database never has these users. */
export const DEMO_PASSWORD = "sise-demo-2026";

/**
 * One account per role, so a newcomer can try each. The officer's scope: all safety domains in two
 * counties; the officer files the daily reports of the emergency and transport bureaus.
 */
export const DEMO_USERS: Array<{
  username: string;
  displayName: string;
  roles: Role[];
  scope?: { areaKind?: "domain"; regionCodes: string[] };
  units?: string[];
}> = [
  { username: "admin", displayName: "演示·系统管理员", roles: ["admin"] },
  {
    username: "officer",
    displayName: "演示·风险管理员(榆阳区/神木市 安全生产)",
    roles: ["officer"],
    scope: { areaKind: "domain", regionCodes: ["610802", "610881"] },
    units: ["U-YJJ", "U-JTJ"],
  },
  { username: "leader", displayName: "演示·市领导", roles: ["leader"] },
  // Finds hazards in the officer's counties and drives their rectification (issue 22).
  {
    username: "inspector",
    displayName: "演示·排查员(榆阳区/神木市 安全生产)",
    roles: ["inspector"],
    scope: { areaKind: "domain", regionCodes: ["610802", "610881"] },
  },
  { username: "auditor", displayName: "演示·审计员", roles: ["auditor"] },
  // The territory below the counties (issue 21): a town's officer and a county's leader.
  {
    username: "town-officer",
    displayName: "演示·乡镇风险管理员(示例镇一 安全生产)",
    roles: ["officer"],
    scope: { areaKind: "domain", regionCodes: ["610802901"] },
  },
  {
    username: "county-leader",
    displayName: "演示·县领导(榆阳区)",
    roles: ["leader"],
    scope: { regionCodes: ["610802"] },
  },
];

/**
 * The demo's sample of the territory below two counties: clearly labelled samples, not real names
 * (a city loads its official division list with the division import). Codes follow the official
 * 9- and 12-digit pattern in a range no real town uses (9xx).
 */
export const DEMO_DIVISIONS: Array<{ code: string; parent: string; zh: string; en: string }> = [
  { code: "610802901", parent: "610802", zh: "示例镇一", en: "Sample town 1" },
  { code: "610802901001", parent: "610802901", zh: "示例村甲", en: "Sample village A" },
  { code: "610802901002", parent: "610802901", zh: "示例村乙", en: "Sample village B" },
  { code: "610802902", parent: "610802", zh: "示例镇二", en: "Sample town 2" },
  { code: "610802902001", parent: "610802902", zh: "示例村丙", en: "Sample village C" },
  { code: "610881901", parent: "610881", zh: "示例镇三", en: "Sample town 3" },
  { code: "610881901001", parent: "610881901", zh: "示例村丁", en: "Sample village D" },
];
