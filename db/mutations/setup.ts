import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../store";
import { settings, users } from "../schema";
import { insertUser } from "./users";

const SETUP_ACTOR = { id: null, name: "system:setup" };

/**
 * Creates the first admin from the one-time setup token, in one transaction that also re-checks
 * that no user exists and burns the token: two racing setup attempts cannot both succeed. The
 * account is made by the admin page's own mutation, so its event is the one every account gets.
 */
export function insertFirstAdmin(
  db: Db,
  p: { username: string; displayName: string; passwordHash: string; now: Date },
): Promise<boolean> {
  return db.write(async (tx) => {
    if ((await tx.$count(users)) > 0) return false;
    const created = await insertUser(db, {
      ...p,
      mustChangePassword: false,
      access: { roles: ["admin"], scope: { areaIds: [], regionIds: [] }, unitIds: [] },
      actor: SETUP_ACTOR,
    });
    if (!created.ok) return false;
    await tx.delete(settings).where(eq(settings.key, "setupTokenDigest"));
    return true;
  });
}

/**
 * Stores the digest of a fresh one-time setup token (the token itself goes to the operator's log
 * only). Not an event: nothing is decided yet, and the token is burned by the setup it allows.
 */
export function saveSetupTokenDigest(db: Db, p: { digest: string; now: Date }): Promise<void> {
  return db.write(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: "setupTokenDigest", value: p.digest, updatedAt: p.now })
      .onConflictDoUpdate({ target: settings.key, set: { value: p.digest, updatedAt: p.now } });
  });
}
