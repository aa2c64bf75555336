import "server-only";
import { eq } from "drizzle-orm";
import { cleanTyped } from "@/lib/domain/text";
import { THROTTLE } from "@/lib/domain/throttle";
import type { Db } from "../store";
import { users } from "../schema";
import { appendEvent, type Actor, type Tx } from "./events";
import { clearThrottle, deleteSession, insertSession, recordThrottleFailure } from "./sessions";

export const throttleKeys = (username: string, ip: string | null) => ({
  user: `user:${cleanTyped(username)}`,
  ip: ip ? `ip:${ip}` : null,
});

/**
 * A failed step (wrong password, wrong code, inactive account): counts toward both backoffs and
 * is recorded with the name that was typed, so auditors can see guessing. No account id is
 * written for unknown names; that would only tell the log reader what the attacker learned.
 */
export function recordSignInFailure(
  db: Db,
  p: { username: string; ip: string | null; now: Date; reason: "password" | "inactive" | "totp"; userId?: number },
) {
  return db.write(async (tx) => {
    const keys = throttleKeys(p.username, p.ip);
    await recordThrottleFailure(tx, { key: keys.user, threshold: THROTTLE.userThreshold, now: p.now });
    if (keys.ip) await recordThrottleFailure(tx, { key: keys.ip, threshold: THROTTLE.ipThreshold, now: p.now });
    await appendEvent(tx, {
      at: p.now,
      actor: { id: p.userId ?? null, name: cleanTyped(p.username) || "?" },
      action: "auth.sign_in_failed",
      data: { reason: p.reason, ip: p.ip, ...(p.userId ? { userId: p.userId } : {}) },
    });
  });
}

/**
 * A wrong current password where a signed-in person must prove it is them (changing the password,
 * turning off two-factor): it counts toward the same backoffs as a failed sign-in — a stolen
 * session must not become a password-guessing oracle — and is recorded with what it was for.
 */
export function recordPasswordCheckFailure(
  db: Db,
  p: {
    actor: Actor & { id: number };
    username: string;
    ip: string | null;
    now: Date;
    purpose: "password.change" | "totp.disable";
  },
) {
  return db.write(async (tx) => {
    const keys = throttleKeys(p.username, p.ip);
    await recordThrottleFailure(tx, { key: keys.user, threshold: THROTTLE.userThreshold, now: p.now });
    if (keys.ip) await recordThrottleFailure(tx, { key: keys.ip, threshold: THROTTLE.ipThreshold, now: p.now });
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "auth.password_check_failed",
      data: { purpose: p.purpose, ip: p.ip, userId: p.actor.id },
    });
  });
}

/** A completed sign-in: clears the account's failure count, stamps last sign-in, records it. */
export async function recordSignIn(
  tx: Tx,
  p: {
    actor: Actor & { id: number };
    username: string;
    ip: string | null;
    now: Date;
    method: "password" | "password+totp";
  },
) {
  await clearThrottle(tx, { key: throttleKeys(p.username, p.ip).user });
  await tx.update(users).set({ lastSignInAt: p.now }).where(eq(users.id, p.actor.id));
  await appendEvent(tx, {
    at: p.now,
    actor: p.actor,
    action: "auth.sign_in",
    data: { method: p.method, ip: p.ip, userId: p.actor.id },
  });
}

export function recordSignOut(db: Db, p: { actor: Actor; now: Date; ip: string | null }): Promise<void> {
  return db.write(async (tx) => {
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "auth.sign_out",
      data: { ip: p.ip, userId: p.actor.id },
    });
  });
}

type SignInRecord = Parameters<typeof recordSignIn>[1];

/**
 * Issues a session in one transaction: ends the session the browser came with (a new sign-in
 * never inherits one: session fixation), stores the new one, and — once the person is fully
 * signed in — records the sign-in. The cookie is set by the caller after this commits.
 */
export function startSession(
  db: Db,
  p: { replaces?: string; session: Parameters<typeof insertSession>[1]; signIn?: SignInRecord },
): Promise<void> {
  return db.write(async (tx) => {
    if (p.replaces) await deleteSession(tx, { id: p.replaces });
    await insertSession(tx, p.session);
    if (p.signIn) await recordSignIn(tx, p.signIn);
  });
}
