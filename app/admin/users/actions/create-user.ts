"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { insertUser } from "@/db/mutations/users";
import { authorize, deniedState } from "@/lib/auth/guard";
import { hashPassword } from "@/lib/auth/password";
import { temporaryPassword } from "@/lib/auth/temporary-password";
import { keysToRuleErrors, type FormState } from "@/lib/validation/form-state";
import { AUTH_LIMITS, flatten, newUserSchema, userFormValues } from "@/lib/validation/auth";
import { checkAccess } from "./check-access";

/** Admin creates an account; the answer carries a one-time password the user must change at first sign-in. */
export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("users.manage");
  if (!auth.ok) return deniedState(auth);
  const raw = userFormValues(formData);
  const values = { username: raw.username, displayName: raw.displayName };
  const parsed = newUserSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: keysToRuleErrors(flatten(parsed.error), { displayName: AUTH_LIMITS.displayName }),
      values,
    };
  }
  const db = getDb();
  const errors = await checkAccess(db, parsed.data, formData);
  if (Object.keys(errors).length) return { ok: false, message: { key: "form.invalid" }, fieldErrors: errors, values };
  const password = temporaryPassword();
  const { username, displayName, roles, areaIds, regionIds, unitIds } = parsed.data;
  const result = await insertUser(db, {
    username,
    displayName,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    access: { roles, scope: { areaIds, regionIds }, unitIds },
    actor: auth.actor,
    now: new Date(),
  });
  if (!result.ok)
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: { username: [{ key: "usernameTaken" }] },
      values,
    };
  revalidatePath("/admin/users");
  return {
    ok: true,
    message: { key: "admin.userCreated", values: { username, password } },
    values: { userId: String(result.id) },
  };
}
