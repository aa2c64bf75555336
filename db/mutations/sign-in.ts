import "server-only";
import { eq } from "drizzle-orm";
import { cleanTyped } from "@/lib/domain/text";
import { THROTTLE } from "@/lib/domain/throttle";
import type { Db } from "../client";
import { users } from "../schema";
import { appendEvent, writeTransaction, type Actor, type Tx } from "./events";
import { clearThrottle, recordThrottleFailure } from "./sessions";

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
  writeTransaction(db, (tx) => {
    const keys = throttleKeys(p.username, p.ip);
    recordThrottleFailure(tx, { key: keys.user, threshold: THROTTLE.userThreshold, now: p.now });
    if (keys.ip) recordThrottleFailure(tx, { key: keys.ip, threshold: THROTTLE.ipThreshold, now: p.now });
    appendEvent(tx, {
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
  writeTransaction(db, (tx) => {
    const keys = throttleKeys(p.username, p.ip);
    recordThrottleFailure(tx, { key: keys.user, threshold: THROTTLE.userThreshold, now: p.now });
    if (keys.ip) recordThrottleFailure(tx, { key: keys.ip, threshold: THROTTLE.ipThreshold, now: p.now });
    appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "auth.password_check_failed",
      data: { purpose: p.purpose, ip: p.ip, userId: p.actor.id },
    });
  });
}

/** A completed sign-in: clears the account's failure count, stamps last sign-in, records it. */
export function recordSignIn(
  tx: Tx,
  p: {
    actor: Actor & { id: number };
    username: string;
    ip: string | null;
    now: Date;
    method: "password" | "password+totp";
  },
) {
  clearThrottle(tx, { key: throttleKeys(p.username, p.ip).user });
  tx.update(users).set({ lastSignInAt: p.now }).where(eq(users.id, p.actor.id)).run();
  appendEvent(tx, {
    at: p.now,
    actor: p.actor,
    action: "auth.sign_in",
    data: { method: p.method, ip: p.ip, userId: p.actor.id },
  });
}

export function recordSignOut(db: Db, p: { actor: Actor; now: Date; ip: string | null }) {
  appendEvent(db, { at: p.now, actor: p.actor, action: "auth.sign_out", data: { ip: p.ip, userId: p.actor.id } });
}
