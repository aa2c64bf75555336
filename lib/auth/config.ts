import type { SessionLimits } from "@/lib/domain/sessions";

const minutes = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return (Number.isFinite(v) && v > 0 ? v : fallback) * 60_000;
};

/**
 * Session lifetimes. Idle: a forgotten office PC stops being signed in after an hour without
 * activity. Absolute: one working day, then everyone signs in again. Both overridable by env.
 */
export function sessionLimits(): SessionLimits {
  return { idleMs: minutes("SISE_SESSION_IDLE_MINUTES", 60), absoluteMs: minutes("SISE_SESSION_MAX_MINUTES", 12 * 60) };
}

export const SESSION_COOKIE = "sise_session";
