"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { addMeasure, updateMeasure } from "@/db/mutations/measures";
import { toRuleErrors, type FormState } from "@/lib/validation/form-state";
import { readForm } from "@/lib/validation/fields";
import { MEASURE_FIELDS, parseMeasure } from "@/lib/validation/workflow";
import { openStep, refusal, revalidateRisk, type Step } from "./risk-step";

const measureId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

async function saveMeasure(code: string, id: number | null, formData: FormData): Promise<FormState> {
  const values = readForm(formData, MEASURE_FIELDS);
  const opened = await openStep(code, formData, values);
  if (!opened.ok) return opened.state;
  const step: Step = opened.step;
  const parsed = parseMeasure(formData);
  if (!parsed.ok) return { ok: false, message: { key: "form.invalid" }, fieldErrors: toRuleErrors(parsed.fieldErrors), values };
  const d = parsed.data;
  const measure = { description: d.measureDescription, owner: d.owner, dueDate: d.dueDate || null, status: d.measureStatus };
  const base = { riskId: step.found.risk.id, expectedVersion: step.expectedVersion, actor: step.auth.actor, now: step.now, measure };
  const result = id === null ? addMeasure(step.db, base) : updateMeasure(step.db, { ...base, measureId: id });
  if (!result.ok) return refusal(step, result, values);
  revalidateRisk(step.found.risk.code);
  redirect(`/risks/${step.found.risk.code}?measureSaved=1#measures`);
}

/** Add a control measure (管控措施) with its owner, due day and status. */
export async function addMeasureAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return saveMeasure(code, null, formData);
}

/** Change a control measure; the id comes bound from the page and must belong to this risk. */
export async function updateMeasureAction(code: string, id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const parsedId = measureId.safeParse(id);
  return saveMeasure(code, parsedId.success ? parsedId.data : -1, formData);
}
