"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { completeTask } from "@/db/mutations/meetings";
import { authorize, deniedState } from "@/lib/auth/guard";
import { keysToRuleErrors, type FormState } from "@/lib/validation/form-state";
import { MEETING_LIMITS, taskDoneSchema } from "@/lib/validation/meeting";
import { isId } from "@/lib/validation/fields";

/** The responsible unit reports a follow-up task done, saying what was done. */
export async function completeTaskAction(taskId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("task.complete");
  if (!auth.ok) return deniedState(auth);
  if (!isId(taskId)) return { ok: false, message: { key: "form.failed" } };
  const note = typeof formData.get("note") === "string" ? (formData.get("note") as string) : "";
  const parsed = taskDoneSchema.safeParse({ note });
  if (!parsed.success)
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: keysToRuleErrors(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, {
        note: MEETING_LIMITS.note,
      }),
      values: { note },
    };
  const result = await completeTask(getDb(), {
    taskId,
    note: parsed.data.note,
    unitIds: auth.user.unitIds,
    actor: auth.actor,
    now: new Date(),
  });
  if (!result.ok) return { ok: false, message: { key: `tasks.refused.${result.error}` }, values: { note } };
  revalidatePath("/tasks");
  revalidatePath("/meetings", "layout");
  return { ok: true, message: { key: "tasks.completed" } };
}
