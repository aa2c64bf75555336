import { hashPassword } from "../../lib/auth/password";
import type { Role } from "../../lib/auth/permissions";
import { generateToken, hashToken } from "../../lib/auth/tokens";
import type { Db } from "../store";
import { saveSetupTokenDigest } from "../mutations/setup";
import { insertUser } from "../mutations/users";
import { users } from "../schema";

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

export const countUserRows = (db: Db): Promise<number> => db.$count(users);

/**
 * The first admin from SISE_ADMIN_USERNAME / SISE_ADMIN_PASSWORD, for scripted installs: created
 * by the admin page's own mutation, so its `user.create` event is the one an admin's carries.
 */
export async function seedAdminFromEnv(db: Db, p: { username: string; displayName: string; password: string }) {
  if ((await countUserRows(db)) > 0) return false;
  const passwordHash = await hashPassword(p.password);
  const access = { roles: ["admin" as const], scope: { areaIds: [], regionIds: [] }, unitIds: [] };
  const created = await insertUser(db, {
    username: p.username,
    displayName: p.displayName,
    passwordHash,
    mustChangePassword: false,
    access,
    actor: { id: null, name: "system:setup" },
    now: new Date(),
  });
  return created.ok;
}

/**
 * No users and no env admin: a fresh one-time token (only its digest is stored) that /setup
 * accepts once. Printed to the server log, which only the operator can read.
 */
export async function issueSetupToken(db: Db): Promise<string> {
  const token = generateToken();
  await saveSetupTokenDigest(db, { digest: hashToken(token), now: new Date() });
  return token;
}
