import type { FormState } from "@/lib/validation/form-state";

/** Throttled sign-ins answer with the wait in whole minutes (at least one). */
export const throttledState = (waitMs: number, username: string): FormState => ({
  ok: false,
  message: { key: "auth.throttled", values: { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) } },
  values: { username },
});
