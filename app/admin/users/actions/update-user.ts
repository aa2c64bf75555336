"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { updateUserAccess } from "@/db/mutations/users";
import { countOtherActiveAdmins } from "@/db/queries/users";
import { authorize, deniedState } from "@/lib/auth/guard";
import { keysToRuleErrors, type FormState } from "@/lib/validation/form-state";
import { AUTH_LIMITS, flatten, userAccessSchema, userFormValues } from "@/lib/validation/auth";
import { checkAccess } from "./check-access";
import { idNumber, isId } from "@/lib/validation/fields";

const versionSchema = idNumber();

/** Admin changes a user's name, roles and scope, from the version the form was loaded at. */
export async function updateUserAction(userId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("users.manage");
  if (!auth.ok) return deniedState(auth);
  const raw = userFormValues(formData);
  const version = versionSchema.safeParse(formData.get("version"));
  const parsed = userAccessSchema.safeParse(raw);
  if (!isId(userId) || !version.success) return { ok: false, message: { key: "form.failed" } };
  if (!parsed.success) {
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: keysToRuleErrors(flatten(parsed.error), { displayName: AUTH_LIMITS.displayName }),
    };
  }
  const db = getDb();
  const errors = await checkAccess(db, parsed.data, formData);
  if (!parsed.data.roles.includes("admin") && (await countOtherActiveAdmins(db, { exceptId: userId })) === 0)
    errors.roles = [{ key: "lastAdmin" }];
  if (Object.keys(errors).length) return { ok: false, message: { key: "form.invalid" }, fieldErrors: errors };
  const { displayName, roles, areaIds, regionIds, unitIds } = parsed.data;
  const result = await updateUserAccess(db, {
    userId,
    expectedVersion: version.data,
    displayName,
    access: { roles, scope: { areaIds, regionIds }, unitIds },
    actor: auth.actor,
    now: new Date(),
  });
  if (!result.ok)
    return { ok: false, message: { key: result.error === "conflict" ? "admin.userConflict" : "admin.userNotFound" } };
  revalidatePath("/admin/users");
  revalidatePath(`/admin/users/${userId}`);
  return { ok: true, message: { key: "admin.userSaved" } };
}
