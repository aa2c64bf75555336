import { hashPassword } from "../../lib/auth/password";
import { generateToken, hashToken } from "../../lib/auth/tokens";
import type { Db } from "../store";
import { saveSetupTokenDigest } from "../mutations/setup";
import { insertUser } from "../mutations/users";
import { users } from "../schema";

export { DEMO_DIVISIONS, DEMO_PASSWORD, DEMO_USERS } from "../../lib/demo-accounts";

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
