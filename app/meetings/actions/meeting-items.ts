"use server";

import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { addCorrection, addDecision, addDiscussedRisk, addTask } from "@/db/mutations/meetings";
import { risks } from "@/db/schema";
import { authorize, deniedState } from "@/lib/auth/guard";
import { keysToRuleErrors, type FormState } from "@/lib/validation/form-state";
import { LIMITS_BY_FIELD, correctionSchema, decisionSchema, discussedSchema, formStrings, taskSchema } from "@/lib/validation/meeting";
import { refusal } from "./result";

type Schema = z.ZodType<Record<string, unknown>>;

/** authorize → validate → the risk code to an id → write → revalidate, shared by the record's item forms. */
async function itemAction<S extends Schema>(
  meetingId: number, formData: FormData, schema: S, keys: ReadonlyArray<string>,
  write: (data: z.infer<S>, riskId: number | null, who: { actor: Awaited<ReturnType<typeof authorize>> & { ok: true } }) => ReturnType<typeof addTask>,
  done: string,
): Promise<FormState> {
  const auth = await authorize("meeting.record");
  if (!auth.ok) return deniedState(auth);
  if (!Number.isSafeInteger(meetingId)) return { ok: false, message: { key: "form.failed" } };
  const values = formStrings(formData, keys);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, message: { key: "form.invalid" }, fieldErrors: keysToRuleErrors(z.flattenError(parsed.error as z.ZodError).fieldErrors as Record<string, string[]>, LIMITS_BY_FIELD), values };
  const code = (parsed.data as { riskCode?: string }).riskCode;
  let riskId: number | null = null;
  if (code) {
    riskId = getDb().select({ id: risks.id }).from(risks).where(eq(risks.code, code)).get()?.id ?? null;
    if (riskId === null) return { ok: false, message: { key: "form.invalid" }, fieldErrors: { riskCode: [{ key: "unknownRiskCode", values: { code } }] }, values };
  }
  const result = write(parsed.data as z.infer<S>, riskId, { actor: auth });
  if (!result.ok) return { ...refusal(result), values };
  revalidatePath(`/meetings/${meetingId}`);
  revalidatePath("/meetings");
  revalidatePath("/tasks");
  return { ok: true, message: { key: done } };
}

export async function addDiscussedAction(meetingId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return itemAction(meetingId, formData, discussedSchema, ["riskCode", "note"], (d, riskId, { actor }) =>
    addDiscussedRisk(getDb(), { meetingId, riskId: riskId!, note: d.note, actor: actor.actor, now: new Date() }), "meetings.discussedAdded");
}

export async function addDecisionAction(meetingId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return itemAction(meetingId, formData, decisionSchema, ["leader", "text", "riskCode"], (d, riskId, { actor }) =>
    addDecision(getDb(), { meetingId, riskId, leader: d.leader, text: d.text, actor: actor.actor, now: new Date() }), "meetings.decisionAdded");
}

export async function addTaskAction(meetingId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return itemAction(meetingId, formData, taskSchema, ["task", "unitId", "dueDate", "riskCode"], (d, riskId, { actor }) =>
    addTask(getDb(), { meetingId, unitId: d.unitId, riskId, title: d.task, dueDate: d.dueDate, actor: actor.actor, now: new Date() }), "meetings.taskAdded");
}

/** Corrections are the one thing a closed record still takes: a new linked entry, never an edit. */
export async function addCorrectionAction(meetingId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return itemAction(meetingId, formData, correctionSchema, ["text"], (d, _riskId, { actor }) =>
    addCorrection(getDb(), { meetingId, text: d.text, actor: actor.actor, now: new Date() }), "meetings.correctionAdded");
}
