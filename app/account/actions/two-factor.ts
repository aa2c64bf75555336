"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { disableTotp, enableTotp, setPendingTotp } from "@/db/mutations/users";
import { getSettings } from "@/db/queries/settings";
import { getTotpState } from "@/db/queries/users";
import { authorize, deniedState } from "@/lib/auth/guard";
import { checkCurrentPassword, reauthRefused } from "@/lib/auth/reauth";
import { matchTotp, newTotpSecret } from "@/lib/auth/totp";
import type { FormState } from "@/lib/validation/form-state";

const ENROL_STAGES = ["ready", "mustEnrolTotp"] as const;

/** Starts (or restarts) enrolment: a fresh secret waits, unused, until a code proves the app has it. */
export async function startTotpAction(_prev: FormState): Promise<FormState> {
  const auth = await authorize(null, { stage: [...ENROL_STAGES] });
  if (!auth.ok) return deniedState(auth);
  if (auth.user.totpEnabled) return { ok: false, message: { key: "account.totpAlreadyOn" } };
  await setPendingTotp(getDb(), { userId: auth.user.id, secret: newTotpSecret() });
  revalidatePath("/account/two-factor");
  return { ok: true };
}

export async function confirmTotpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize(null, { stage: [...ENROL_STAGES] });
  if (!auth.ok) return deniedState(auth);
  const db = getDb();
  const pending = (await getTotpState(db, { userId: auth.user.id }))?.pending;
  if (!pending) return { ok: false, message: { key: "account.totpNotStarted" } };
  const now = new Date();
  const code = formData.get("code");
  const step = typeof code === "string" ? matchTotp(pending, code, now.getTime()) : null;
  if (step === null)
    return { ok: false, message: { key: "form.invalid" }, fieldErrors: { code: [{ key: "totpInvalid" }] } };
  await enableTotp(db, { userId: auth.user.id, step, actor: auth.actor, now });
  redirect("/account?totpEnabled=1");
}

/** Turning two-factor off needs the password, and is refused where the admin requires it. */
export async function disableTotpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize(null);
  if (!auth.ok) return deniedState(auth);
  const db = getDb();
  if ((await getSettings(db)).totpRequiredRoles.some((r) => auth.user.roles.includes(r)))
    return { ok: false, message: { key: "account.totpRequired" } };
  const password = formData.get("password");
  // An empty field is a form to finish, not a guess to count against the account.
  if (typeof password !== "string" || password.length === 0)
    return { ok: false, message: { key: "form.invalid" }, fieldErrors: { password: [{ key: "required" }] } };
  const check = await checkCurrentPassword(db, {
    user: auth.user,
    actor: auth.actor,
    password,
    purpose: "totp.disable",
  });
  if (!check.ok) return reauthRefused(check, "password");
  await disableTotp(db, { userId: auth.user.id, actor: auth.actor, now: new Date() });
  redirect("/account?totpDisabled=1");
}
