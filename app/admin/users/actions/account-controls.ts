"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { disableTotp, setPassword, setUserActive } from "@/db/mutations/users";
import { countOtherActiveAdmins, getPrincipal, getUser } from "@/db/queries/users";
import { authorize, deniedState } from "@/lib/auth/guard";
import { hashPassword } from "@/lib/auth/password";
import { temporaryPassword } from "@/lib/auth/temporary-password";
import type { FormState } from "@/lib/validation/form-state";
import { isId } from "@/lib/validation/fields";

/** Admin resets a password: a one-time password is shown once, every session of the user ends. */
export async function resetPasswordAction(userId: number, _prev: FormState): Promise<FormState> {
  const auth = await authorize("users.manage");
  if (!auth.ok) return deniedState(auth);
  const db = getDb();
  const user = isId(userId) ? await getUser(db, { id: userId }) : undefined;
  if (!user) return { ok: false, message: { key: "admin.userNotFound" } };
  const password = temporaryPassword();
  await setPassword(db, {
    userId,
    passwordHash: await hashPassword(password),
    kind: "reset",
    actor: auth.actor,
    now: new Date(),
  });
  revalidatePath(`/admin/users/${userId}`);
  return { ok: true, message: { key: "admin.passwordReset", values: { username: user.username, password } } };
}

/** Deactivate or reactivate. Nobody deactivates themselves, and the last active admin stays. */
export async function setActiveAction(userId: number, active: boolean, _prev: FormState): Promise<FormState> {
  const auth = await authorize("users.manage");
  if (!auth.ok) return deniedState(auth);
  const db = getDb();
  const user = isId(userId) ? await getUser(db, { id: userId }) : undefined;
  if (!user || typeof active !== "boolean") return { ok: false, message: { key: "admin.userNotFound" } };
  if (!active && user.id === auth.user.id) return { ok: false, message: { key: "admin.notYourself" } };
  if (
    !active &&
    (await getPrincipal(db, { userId })).roles.includes("admin") &&
    (await countOtherActiveAdmins(db, { exceptId: userId })) === 0
  ) {
    return { ok: false, message: { key: "errors.lastAdmin" } };
  }
  await setUserActive(db, { userId, active, actor: auth.actor, now: new Date() });
  revalidatePath("/admin/users");
  revalidatePath(`/admin/users/${userId}`);
  return { ok: true, message: { key: active ? "admin.reactivated" : "admin.deactivated" } };
}

/** A user who lost their phone: the admin removes two-factor so they can enrol again. */
export async function resetTotpAction(userId: number, _prev: FormState): Promise<FormState> {
  const auth = await authorize("users.manage");
  if (!auth.ok) return deniedState(auth);
  const db = getDb();
  const result = isId(userId) ? await disableTotp(db, { userId, actor: auth.actor, now: new Date() }) : { ok: false };
  if (!result.ok) return { ok: false, message: { key: "admin.userNotFound" } };
  revalidatePath(`/admin/users/${userId}`);
  return { ok: true, message: { key: "admin.totpReset" } };
}
