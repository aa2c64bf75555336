import type Database from "better-sqlite3";
import { hashPassword } from "../../lib/auth/password";
import type { Role } from "../../lib/auth/permissions";
import { generateToken, hashToken } from "../../lib/auth/tokens";
import { appendStoredEvent } from "../history/append";

/** Shown on the sign-in page of a demo database only; a production database never has these users. */
export const DEMO_PASSWORD = "sise-demo-2026";

/**
 * One account per role, so a newcomer can try each. The officer's scope: all safety domains in two
 * counties; the officer files the daily reports of the emergency and transport bureaus.
 */
export const DEMO_USERS: Array<{ username: string; displayName: string; roles: Role[]; scope?: { areaKind: "domain"; regionCodes: string[] }; units?: string[] }> = [
  { username: "admin", displayName: "演示·系统管理员", roles: ["admin"] },
  { username: "officer", displayName: "演示·风险管理员(榆阳区/神木市 安全生产)", roles: ["officer"], scope: { areaKind: "domain", regionCodes: ["610802", "610881"] }, units: ["U-YJJ", "U-JTJ"] },
  { username: "leader", displayName: "演示·市领导", roles: ["leader"] },
  { username: "auditor", displayName: "演示·审计员", roles: ["auditor"] },
];

export const countUserRows = (sqlite: Database.Database) => (sqlite.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n;

function insertUserRow(sqlite: Database.Database, u: { username: string; displayName: string; hash: string; roles: Role[]; actor: string }) {
  const now = Date.now();
  const { id } = sqlite
    .prepare("INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
    .get(u.username, u.displayName, u.hash, now, now) as { id: number };
  for (const role of u.roles) sqlite.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, ?)").run(id, role);
  appendStoredEvent(sqlite, {
    at: now, risk_id: null, risk_version: null, actor_id: null, actor_name: u.actor, action: "user.create", field: null, old_value: null,
    new_value: JSON.stringify({ username: u.username, displayName: u.displayName, roles: u.roles }), reason: null, data: JSON.stringify({ userId: id }),
  });
  return id;
}

/** Demo accounts and the "this is a demo" flag, written together; only into a database with no users. */
export async function seedDemoUsers(sqlite: Database.Database): Promise<number> {
  if (countUserRows(sqlite) > 0) return 0;
  const hash = await hashPassword(DEMO_PASSWORD);
  sqlite.transaction(() => {
    for (const u of DEMO_USERS) {
      const id = insertUserRow(sqlite, { ...u, hash, actor: "system:seed" });
      for (const code of u.units ?? []) sqlite.prepare("INSERT INTO user_units (user_id, unit_id) SELECT ?, id FROM units WHERE code = ?").run(id, code);
      if (!u.scope) continue;
      sqlite.prepare("INSERT INTO user_scope_areas (user_id, area_id) SELECT ?, id FROM areas WHERE kind = ?").run(id, u.scope.areaKind);
      for (const code of u.scope.regionCodes) sqlite.prepare("INSERT INTO user_scope_regions (user_id, region_id) SELECT ?, id FROM regions WHERE code = ?").run(id, code);
    }
    sqlite.prepare("INSERT INTO settings (key, value) VALUES ('demo', 'true') ON CONFLICT(key) DO UPDATE SET value = 'true'").run();
  })();
  return DEMO_USERS.length;
}

/** The first admin from SISE_ADMIN_USERNAME / SISE_ADMIN_PASSWORD, for scripted installs. */
export async function seedAdminFromEnv(sqlite: Database.Database, p: { username: string; displayName: string; password: string }) {
  if (countUserRows(sqlite) > 0) return false;
  const hash = await hashPassword(p.password);
  sqlite.transaction(() => insertUserRow(sqlite, { username: p.username, displayName: p.displayName, hash, roles: ["admin"], actor: "system:setup" }))();
  return true;
}

/**
 * No users and no env admin: a fresh one-time token (only its digest is stored) that /setup
 * accepts once. Printed to the server log, which only the operator can read.
 */
export function issueSetupToken(sqlite: Database.Database): string {
  const token = generateToken();
  sqlite
    .prepare("INSERT INTO settings (key, value) VALUES ('setupTokenDigest', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
    .run(JSON.stringify(hashToken(token)));
  return token;
}
