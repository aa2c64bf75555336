/**
 * Sign-in backoff. After `threshold` failures inside the window, each further failure locks the key
 * for twice as long as the last (30 s, 1 min, 2 min … capped at 15 min). A quiet window resets the
 * count, so a person who mistypes twice a week is never locked out.
 */
export const THROTTLE = {
  userThreshold: 5,
  // Offices sit behind one NAT address, so the per-address limit is looser than the per-account one.
  ipThreshold: 20,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
} as const;

export type ThrottleState = { failures: number; lastFailureAt: number; lockedUntil: number | null };

export function lockRemainingMs(state: ThrottleState | undefined, now: number): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil - now);
}

export function afterFailure(state: ThrottleState | undefined, now: number, threshold: number): ThrottleState {
  const stale = !state || (now - state.lastFailureAt > THROTTLE.windowMs && lockRemainingMs(state, now) === 0);
  const failures = stale ? 1 : state.failures + 1;
  const over = failures - threshold;
  const lockedUntil = over >= 0 ? now + Math.min(THROTTLE.baseLockMs * 2 ** over, THROTTLE.maxLockMs) : null;
  return { failures, lastFailureAt: now, lockedUntil };
}
