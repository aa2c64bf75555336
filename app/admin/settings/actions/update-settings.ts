"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { updateSettings } from "@/db/mutations/settings";
import { authorize, deniedState } from "@/lib/auth/guard";
import { keysToRuleErrors, type FormState } from "@/lib/validation/form-state";
import { ORGANISATION_MAX, parseSettingsForm } from "@/lib/validation/settings";

export async function updateSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("settings.manage");
  if (!auth.ok) return deniedState(auth);
  const parsed = parseSettingsForm(formData);
  if (!parsed.ok)
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: keysToRuleErrors(parsed.fieldErrors, { organisation: ORGANISATION_MAX }),
    };
  const { changed } = await updateSettings(getDb(), { next: parsed.settings, actor: auth.actor, now: new Date() });
  revalidatePath("/", "layout");
  return changed.length
    ? { ok: true, message: { key: "settings.saved" } }
    : { ok: false, message: { key: "form.noChange" } };
}
