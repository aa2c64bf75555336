"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { addCorrection, addDecision, addDiscussedRisk, addTask } from "@/db/mutations/meeting-items";
import type { MeetingWrite } from "@/db/mutations/meetings";
import { mapRiskIdsByCode } from "@/db/queries/risks";
import { authorize, deniedState, type Authorized } from "@/lib/auth/guard";
import { isId, readForm } from "@/lib/validation/fields";
import { keysToRuleErrors, type FormState } from "@/lib/validation/form-state";
import {
  LIMITS_BY_FIELD,
  correctionSchema,
  decisionSchema,
  discussedSchema,
  taskSchema,
} from "@/lib/validation/meeting";
import { refusal } from "./result";

type Who = { actor: Authorized["actor"]; now: Date };

/** authorize → validate → the risk code to an id → write → revalidate, shared by the record's item forms. */
async function itemAction<T extends object>(
  meetingId: number,
  formData: FormData,
  schema: z.ZodType<T>,
  keys: readonly string[],
  write: (data: T, riskId: number | null, who: Who) => Promise<MeetingWrite>,
  done: string,
): Promise<FormState> {
  const auth = await authorize("meeting.record");
  if (!auth.ok) return deniedState(auth);
  if (!isId(meetingId)) return { ok: false, message: { key: "form.failed" } };
  const values = readForm(formData, keys);
  const parsed = schema.safeParse(values);
  if (!parsed.success)
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: keysToRuleErrors(
        z.flattenError(parsed.error as z.ZodError).fieldErrors as Record<string, string[]>,
        LIMITS_BY_FIELD,
      ),
      values,
    };
  const code = (parsed.data as { riskCode?: string }).riskCode;
  const riskId = code ? ((await mapRiskIdsByCode(getDb(), [code])).get(code) ?? null) : null;
  if (code && riskId === null)
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: { riskCode: [{ key: "unknownRiskCode", values: { code } }] },
      values,
    };
  const result = await write(parsed.data, riskId, { actor: auth.actor, now: new Date() });
  if (!result.ok) return { ...refusal(result), values };
  revalidatePath(`/meetings/${meetingId}`);
  revalidatePath("/meetings");
  revalidatePath("/tasks");
  return { ok: true, message: { key: done } };
}

export async function addDiscussedAction(meetingId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return itemAction(
    meetingId,
    formData,
    discussedSchema,
    ["riskCode", "note"],
    (d, riskId, who) => addDiscussedRisk(getDb(), { meetingId, riskId: riskId!, note: d.note, ...who }),
    "meetings.discussedAdded",
  );
}

export async function addDecisionAction(meetingId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return itemAction(
    meetingId,
    formData,
    decisionSchema,
    ["leader", "text", "riskCode"],
    (d, riskId, who) => addDecision(getDb(), { meetingId, riskId, leader: d.leader, text: d.text, ...who }),
    "meetings.decisionAdded",
  );
}

export async function addTaskAction(meetingId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return itemAction(
    meetingId,
    formData,
    taskSchema,
    ["task", "unitId", "dueDate", "riskCode"],
    (d, riskId, who) =>
      addTask(getDb(), { meetingId, unitId: d.unitId, riskId, title: d.task, dueDate: d.dueDate, ...who }),
    "meetings.taskAdded",
  );
}

/** Corrections are the one thing a closed record still takes: a new linked entry, never an edit. */
export async function addCorrectionAction(meetingId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return itemAction(
    meetingId,
    formData,
    correctionSchema,
    ["text"],
    (d, _riskId, who) => addCorrection(getDb(), { meetingId, text: d.text, ...who }),
    "meetings.correctionAdded",
  );
}
