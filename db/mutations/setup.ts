import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { settings, userRoles, users } from "../schema";
import { appendEvent, writeTransaction } from "./events";

/**
 * Creates the first admin from the one-time setup token, in one transaction that also re-checks
 * that no user exists and burns the token: two racing setup attempts cannot both succeed.
 */
export function insertFirstAdmin(
  db: Db,
  p: { username: string; displayName: string; passwordHash: string; now: Date },
): boolean {
  return writeTransaction(db, (tx) => {
    if (tx.select({ id: users.id }).from(users).limit(1).get()) return false;
    const { id } = tx
      .insert(users)
      .values({
        username: p.username,
        displayName: p.displayName,
        passwordHash: p.passwordHash,
        createdAt: p.now,
        updatedAt: p.now,
      })
      .returning({ id: users.id })
      .get();
    tx.insert(userRoles).values({ userId: id, role: "admin" }).run();
    tx.delete(settings).where(eq(settings.key, "setupTokenDigest")).run();
    appendEvent(tx, {
      at: p.now,
      actor: { id: null, name: "system:setup" },
      action: "user.create",
      newValue: { username: p.username, displayName: p.displayName, roles: ["admin"] },
      data: { userId: id },
    });
    return true;
  });
}
