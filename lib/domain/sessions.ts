/** How long a session may live: idle (no request) and in all. Set by lib/auth/config.ts. */
export type SessionLimits = { idleMs: number; absoluteMs: number };

/** A half-signed-in session (password done, TOTP code pending) lives five minutes at most. */
export const PENDING_TOTP_MS = 5 * 60_000;

/** How long a new session may live: the absolute limit, or five minutes while it waits for its code. */
export const sessionLifetime = (limits: SessionLimits, pendingTotp: boolean): number =>
  pendingTotp ? Math.min(PENDING_TOTP_MS, limits.absoluteMs) : limits.absoluteMs;

/** A session is dead once its user is inactive, it is past its absolute expiry, or it was idle too long. */
export function isSessionAlive(
  s: { active: boolean; expiresAt: number; lastSeenAt: number },
  nowMs: number,
  limits: SessionLimits,
): boolean {
  return s.active && s.expiresAt > nowMs && s.lastSeenAt + limits.idleMs > nowMs;
}

/** Activity is written at most once a minute: enough for the idle timeout, light on the disk. */
export const shouldTouchSession = (lastSeenAt: number, nowMs: number): boolean => nowMs - lastSeenAt > 60_000;
