"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { saveConclusions } from "@/db/mutations/weekly-analysis";
import { authorize, deniedState } from "@/lib/auth/guard";
import { mondayOfIsoWeek } from "@/lib/domain/weeks";
import { CONCLUSIONS_MAX, conclusionsSchema as schema } from "@/lib/validation/analysis";
import { keysToRuleErrors, type FormState } from "@/lib/validation/form-state";

/** The risk office's conclusions on a week (研判结论), saved from the version the writer saw. */
export async function saveConclusionsAction(week: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("analysis.write");
  if (!auth.ok) return deniedState(auth);
  const monday = mondayOfIsoWeek(week);
  const values = { text: typeof formData.get("text") === "string" ? (formData.get("text") as string) : "" };
  const parsed = schema.safeParse({ ...values, version: formData.get("version") });
  if (!monday) return { ok: false, message: { key: "form.failed" } };
  if (!parsed.success)
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: keysToRuleErrors(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, {
        text: CONCLUSIONS_MAX,
      }),
      values,
    };
  const result = await saveConclusions(getDb(), {
    monday,
    text: parsed.data.text,
    expectedVersion: parsed.data.version,
    actor: auth.actor,
    now: new Date(),
  });
  if (!result.ok) return { ok: false, message: { key: "analysis.conflict" }, values };
  revalidatePath("/analysis");
  return result.changed
    ? { ok: true, message: { key: "analysis.saved" } }
    : { ok: false, message: { key: "form.noChange" }, values };
}
