"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getLockRemaining } from "@/db/mutations/sessions";
import { recordSignInFailure, startSession, throttleKeys } from "@/db/mutations/sign-in";
import { consumeTotpStep } from "@/db/mutations/users";
import { getTotpState } from "@/db/queries/users";
import { authorize, deniedState } from "@/lib/auth/guard";
import { safeNextPath } from "@/lib/auth/redirect";
import { newSessionTicket, requestFacts, sessionRow, setSessionCookie } from "@/lib/auth/session";
import { matchTotp } from "@/lib/auth/totp";
import type { FormState } from "@/lib/validation/form-state";
import { throttledState } from "./throttled-state";

/** Second step: only a password-verified, code-pending session may call this. */
export async function verifyTotpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize(null, { stage: "pendingTotp" });
  if (!auth.ok) return deniedState(auth);
  const { user } = auth;
  const db = getDb();
  const now = new Date();
  const { ip } = await requestFacts();
  const keys = throttleKeys(user.username, ip);
  const wait = await getLockRemaining(db, { keys: [keys.user, ...(keys.ip ? [keys.ip] : [])], now });
  if (wait > 0) return throttledState(wait, "");

  const code = formData.get("code");
  const secret = (await getTotpState(db, { userId: user.id }))?.secret;
  const step = typeof code === "string" && secret ? matchTotp(secret, code, now.getTime()) : null;
  if (step === null || !(await consumeTotpStep(db, { userId: user.id, step }))) {
    await recordSignInFailure(db, { username: user.username, ip, now, reason: "totp", userId: user.id });
    return { ok: false, fieldErrors: { code: [{ key: "totpInvalid" }] }, message: { key: "form.invalid" } };
  }

  const ticket = await newSessionTicket();
  await startSession(db, {
    replaces: user.sessionId,
    session: sessionRow(ticket, { userId: user.id, now }),
    signIn: { actor: auth.actor, username: user.username, ip, now, method: "password+totp" },
  });
  await setSessionCookie(ticket);
  redirect(safeNextPath(formData.get("next")));
}
