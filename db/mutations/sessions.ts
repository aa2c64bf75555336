import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { afterFailure, lockRemainingMs, type ThrottleState } from "@/lib/domain/throttle";
import type { Db } from "../client";
import { loginThrottle, sessions, users } from "../schema";
import type { Tx } from "./events";

export type SessionLimits = { idleMs: number; absoluteMs: number };

/** A half-signed-in session (password done, TOTP code pending) lives five minutes at most. */
export const PENDING_TOTP_MS = 5 * 60_000;

export function insertSession(
  tx: Tx | Db,
  s: {
    id: string;
    userId: number;
    now: Date;
    limits: SessionLimits;
    pendingTotp?: boolean;
    ip: string | null;
    userAgent: string | null;
  },
) {
  const lifetime = s.pendingTotp ? Math.min(PENDING_TOTP_MS, s.limits.absoluteMs) : s.limits.absoluteMs;
  tx.insert(sessions)
    .values({
      id: s.id,
      userId: s.userId,
      pendingTotp: !!s.pendingTotp,
      createdAt: s.now,
      lastSeenAt: s.now,
      expiresAt: new Date(s.now.getTime() + lifetime),
      ip: s.ip,
      userAgent: s.userAgent?.slice(0, 300) ?? null,
    })
    .run();
}

/**
 * The session behind a cookie digest, if it is still alive: not past its absolute expiry, not idle
 * longer than allowed, and its user still active. A dead session is deleted on sight.
 */
export function getLiveSession(db: Db, { id, now, limits }: { id: string; now: Date; limits: SessionLimits }) {
  const row = db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      pendingTotp: sessions.pendingTotp,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      active: users.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return undefined;
  const t = now.getTime();
  if (!row.active || row.expiresAt.getTime() <= t || row.lastSeenAt.getTime() + limits.idleMs <= t) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return undefined;
  }
  // Activity is written at most once a minute: enough for the idle timeout, light on the disk.
  if (t - row.lastSeenAt.getTime() > 60_000)
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
  return row;
}

export function deleteSession(tx: Tx | Db, { id }: { id: string }) {
  tx.delete(sessions).where(eq(sessions.id, id)).run();
}

/** Ends every session of a user, optionally keeping the one making the change. */
export function deleteUserSessions(tx: Tx | Db, { userId, exceptId }: { userId: number; exceptId?: string }) {
  tx.delete(sessions)
    .where(exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId))
    .run();
}

export function listUserSessions(db: Db, { userId }: { userId: number }) {
  return db
    .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ip: sessions.ip })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.pendingTotp, false)))
    .all();
}

/** Milliseconds until any of these keys may try again (0 = not locked). */
export function getLockRemaining(db: Db, { keys, now }: { keys: string[]; now: Date }): number {
  let wait = 0;
  for (const key of keys) {
    const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
    const state: ThrottleState | undefined = row && {
      failures: row.failures,
      lastFailureAt: row.lastFailureAt.getTime(),
      lockedUntil: row.lockedUntil?.getTime() ?? null,
    };
    wait = Math.max(wait, lockRemainingMs(state, now.getTime()));
  }
  return wait;
}

export function recordThrottleFailure(
  tx: Tx | Db,
  { key, threshold, now }: { key: string; threshold: number; now: Date },
) {
  const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  const prev: ThrottleState | undefined = row && {
    failures: row.failures,
    lastFailureAt: row.lastFailureAt.getTime(),
    lockedUntil: row.lockedUntil?.getTime() ?? null,
  };
  const next = afterFailure(prev, now.getTime(), threshold);
  const values = {
    failures: next.failures,
    lastFailureAt: new Date(next.lastFailureAt),
    lockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil),
  };
  tx.insert(loginThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottle.key, set: values })
    .run();
}

export function clearThrottle(tx: Tx | Db, { key }: { key: string }) {
  tx.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}
