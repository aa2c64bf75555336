"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { setPassword } from "@/db/mutations/users";
import { authorize, deniedState } from "@/lib/auth/guard";
import { checkCurrentPassword, reauthRefused } from "@/lib/auth/reauth";
import { hashPassword } from "@/lib/auth/password";
import { keysToRuleErrors, type FormState } from "@/lib/validation/form-state";
import { AUTH_LIMITS, changePasswordSchema, flatten } from "@/lib/validation/auth";

/**
 * A user changes their own password (also the forced step after an admin reset). The current
 * password is required even with a live session; every other session of the user ends.
 */
export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize(null, { stage: ["ready", "mustChangePassword"] });
  if (!auth.ok) return deniedState(auth);
  const str = (k: string) => (typeof formData.get(k) === "string" ? (formData.get(k) as string) : "");
  const parsed = changePasswordSchema.safeParse({
    current: str("current"),
    next: str("next"),
    confirm: str("confirm"),
  });
  if (!parsed.success)
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: keysToRuleErrors(flatten(parsed.error), { next: AUTH_LIMITS.passwordMax }),
    };
  if (parsed.data.next.toLowerCase().includes(auth.user.username)) {
    return { ok: false, message: { key: "form.invalid" }, fieldErrors: { next: [{ key: "passwordHasUsername" }] } };
  }
  const db = getDb();
  const check = await checkCurrentPassword(db, {
    user: auth.user,
    actor: auth.actor,
    password: parsed.data.current,
    purpose: "password.change",
  });
  if (!check.ok) return reauthRefused(check, "current");
  const passwordHash = await hashPassword(parsed.data.next);
  await setPassword(db, {
    userId: auth.user.id,
    passwordHash,
    kind: "change",
    keepSessionId: auth.user.sessionId,
    actor: auth.actor,
    now: new Date(),
  });
  redirect("/account?passwordChanged=1");
}
