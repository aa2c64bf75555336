"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getLockRemaining } from "@/db/mutations/sessions";
import { recordSignInFailure, startSession, throttleKeys } from "@/db/mutations/sign-in";
import { checkCredentials, normaliseUsername } from "@/db/queries/users";
import { actorOf } from "@/lib/auth/guard";
import { safeNextPath } from "@/lib/auth/redirect";
import { newSessionTicket, readSessionId, requestFacts, sessionRow, setSessionCookie } from "@/lib/auth/session";
import type { FormState } from "@/lib/validation/form-state";
import { signInSchema } from "@/lib/validation/auth";
import { throttledState } from "./throttled-state";

/**
 * Sign-in is open to anonymous callers by nature; what protects it is the backoff per account and
 * per address, the same answer for "no such user" and "wrong password", and argon2 work either way.
 */
export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = { username: formData.get("username"), password: formData.get("password") };
  const typed = typeof raw.username === "string" ? raw.username.slice(0, 200) : "";
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: { key: "auth.enterCredentials" }, values: { username: typed } };

  const db = getDb();
  const now = new Date();
  const { ip } = await requestFacts();
  const username = normaliseUsername(parsed.data.username);
  const keys = throttleKeys(username, ip);
  const wait = await getLockRemaining(db, { keys: [keys.user, ...(keys.ip ? [keys.ip] : [])], now });
  if (wait > 0) return throttledState(wait, typed);

  const result = await checkCredentials(db, { username, password: parsed.data.password });
  if (result.status !== "ok") {
    await recordSignInFailure(db, {
      username,
      ip,
      now,
      reason: result.status === "inactive" ? "inactive" : "password",
    });
    return {
      ok: false,
      message: { key: result.status === "inactive" ? "auth.inactive" : "auth.invalidCredentials" },
      values: { username: typed },
    };
  }

  const { user } = result;
  const previous = await readSessionId();
  const ticket = await newSessionTicket({ pendingTotp: user.totpEnabled });
  await startSession(db, {
    replaces: previous,
    session: sessionRow(ticket, { userId: user.id, now }),
    signIn: user.totpEnabled ? undefined : { actor: actorOf(user), username, ip, now, method: "password" },
  });
  await setSessionCookie(ticket);
  const next = safeNextPath(formData.get("next"));
  redirect(user.totpEnabled ? `/login/verify?next=${encodeURIComponent(next)}` : next);
}
