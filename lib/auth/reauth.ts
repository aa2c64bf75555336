import "server-only";
import type { Db } from "@/db/client";
import { getLockRemaining } from "@/db/mutations/sessions";
import { recordPasswordCheckFailure, throttleKeys } from "@/db/mutations/sign-in";
import { checkCredentials } from "@/db/queries/users";
import type { Actor } from "@/lib/domain/actor";
import type { FormState } from "@/lib/validation/form-state";
import { requestFacts } from "./session";

export type Reauth = { ok: true } | { ok: false; reason: "wrong" } | { ok: false; reason: "locked"; waitMs: number };

/**
 * The current password, asked again of a signed-in person before a change that must be theirs.
 * Throttled like sign-in (the same per-account and per-address backoff, checked before the argon2
 * work) and every failure recorded in the history.
 */
export async function checkCurrentPassword(
  db: Db,
  p: {
    user: { id: number; username: string };
    actor: Actor & { id: number };
    password: unknown;
    purpose: "password.change" | "totp.disable";
  },
): Promise<Reauth> {
  const now = new Date();
  const { ip } = await requestFacts();
  const keys = throttleKeys(p.user.username, ip);
  const waitMs = await getLockRemaining(db, { keys: [keys.user, ...(keys.ip ? [keys.ip] : [])], now });
  if (waitMs > 0) return { ok: false, reason: "locked", waitMs };
  const check =
    typeof p.password === "string" && p.password.length <= 1024
      ? await checkCredentials(db, { username: p.user.username, password: p.password })
      : { status: "invalid" as const };
  if (check.status === "ok") return { ok: true };
  await recordPasswordCheckFailure(db, { actor: p.actor, username: p.user.username, ip, now, purpose: p.purpose });
  return { ok: false, reason: "wrong" };
}

/** The form's answer to a refused check: the wait in minutes, or "wrong password" at the field. */
export function reauthRefused(check: Exclude<Reauth, { ok: true }>, field: string): FormState {
  if (check.reason === "locked")
    return {
      ok: false,
      message: { key: "auth.throttled", values: { minutes: Math.max(1, Math.ceil(check.waitMs / 60_000)) } },
    };
  return { ok: false, message: { key: "form.invalid" }, fieldErrors: { [field]: [{ key: "passwordWrong" }] } };
}
