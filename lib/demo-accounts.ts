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
  scope?: { areaKind: "domain"; regionCodes: string[] };
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
  { username: "auditor", displayName: "演示·审计员", roles: ["auditor"] },
];
