import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { isSessionAlive, sessionLifetime, shouldTouchSession, type SessionLimits } from "@/lib/domain/sessions";
import { afterFailure, lockRemainingMs, type ThrottleState } from "@/lib/domain/throttle";
import type { Db } from "../store";
import { loginThrottle, sessions, users } from "../schema";
import { writeWith, type Tx } from "./events";

export type { SessionLimits };
export { PENDING_TOTP_MS } from "@/lib/domain/sessions";

export function insertSession(
  h: Tx | Db,
  s: {
    id: string;
    userId: number;
    now: Date;
    limits: SessionLimits;
    pendingTotp?: boolean;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  return writeWith(h, async (tx) => {
    await tx.insert(sessions).values({
      id: s.id,
      userId: s.userId,
      pendingTotp: !!s.pendingTotp,
      createdAt: s.now,
      lastSeenAt: s.now,
      expiresAt: new Date(s.now.getTime() + sessionLifetime(s.limits, !!s.pendingTotp)),
      ip: s.ip,
      userAgent: s.userAgent?.slice(0, 300) ?? null,
    });
  });
}

/**
 * The session behind a cookie digest, if it is still alive (lib/domain/sessions.ts). A dead
 * session is deleted on sight; a live one has its last activity stamped at most once a minute.
 */
export async function getLiveSession(db: Db, { id, now, limits }: { id: string; now: Date; limits: SessionLimits }) {
  const [row] = await db
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
    .limit(1);
  if (!row) return undefined;
  const t = now.getTime();
  const times = { active: row.active, expiresAt: row.expiresAt.getTime(), lastSeenAt: row.lastSeenAt.getTime() };
  if (!isSessionAlive(times, t, limits)) {
    await deleteSession(db, { id });
    return undefined;
  }
  if (shouldTouchSession(times.lastSeenAt, t))
    await db.write(async (tx) => {
      await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    });
  return row;
}

export function deleteSession(h: Tx | Db, { id }: { id: string }): Promise<void> {
  return writeWith(h, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, id));
  });
}

/** Ends every session of a user, optionally keeping the one making the change. */
export async function deleteUserSessions(tx: Tx, { userId, exceptId }: { userId: number; exceptId?: string }) {
  await tx
    .delete(sessions)
    .where(exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId));
}

export async function listUserSessions(db: Db, { userId }: { userId: number }) {
  return db
    .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ip: sessions.ip })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.pendingTotp, false)));
}

const throttleState = (row: typeof loginThrottle.$inferSelect | undefined): ThrottleState | undefined =>
  row && {
    failures: row.failures,
    lastFailureAt: row.lastFailureAt.getTime(),
    lockedUntil: row.lockedUntil?.getTime() ?? null,
  };

/** Milliseconds until any of these keys may try again (0 = not locked). */
export async function getLockRemaining(db: Db, { keys, now }: { keys: string[]; now: Date }): Promise<number> {
  let wait = 0;
  for (const key of keys) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1);
    wait = Math.max(wait, lockRemainingMs(throttleState(row), now.getTime()));
  }
  return wait;
}

export function recordThrottleFailure(
  h: Tx | Db,
  { key, threshold, now }: { key: string; threshold: number; now: Date },
): Promise<void> {
  return writeWith(h, async (tx) => {
    const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1);
    const next = afterFailure(throttleState(row), now.getTime(), threshold);
    const values = {
      failures: next.failures,
      lastFailureAt: new Date(next.lastFailureAt),
      lockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil),
    };
    await tx
      .insert(loginThrottle)
      .values({ key, ...values })
      .onConflictDoUpdate({ target: loginThrottle.key, set: values });
  });
}

export async function clearThrottle(tx: Tx, { key }: { key: string }) {
  await tx.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
