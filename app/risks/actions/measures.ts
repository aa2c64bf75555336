"use server";

import { addMeasure, updateMeasure } from "@/db/mutations/measures";
import type { FormState } from "@/lib/validation/form-state";
import { idNumber, readForm } from "@/lib/validation/fields";
import { MEASURE_FIELDS, parseMeasure } from "@/lib/validation/workflow";
import { finish, invalid, authorizeRiskStep, type Step } from "./risk-step";

const measureId = idNumber();

async function saveMeasure(code: string, id: number | null, formData: FormData): Promise<FormState> {
  const values = readForm(formData, MEASURE_FIELDS);
  const opened = await authorizeRiskStep(code, formData, values);
  if (!opened.ok) return opened.state;
  const step: Step = opened.step;
  const parsed = parseMeasure(formData);
  if (!parsed.ok) return invalid(parsed.fieldErrors, values);
  const d = parsed.data;
  const measure = {
    description: d.measureDescription,
    owner: d.owner,
    dueDate: d.dueDate || null,
    status: d.measureStatus,
  };
  const base = {
    riskId: step.found.risk.id,
    expectedVersion: step.expectedVersion,
    actor: step.auth.actor,
    now: step.now,
    measure,
  };
  return finish(
    step,
    id === null ? await addMeasure(step.db, base) : await updateMeasure(step.db, { ...base, measureId: id }),
    values,
    "measureSaved",
  );
}

/** Add a control measure (管控措施) with its owner, due day and status. */
export async function addMeasureAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return saveMeasure(code, null, formData);
}

/** Change a control measure; the id comes bound from the page and must belong to this risk. */
export async function updateMeasureAction(
  code: string,
  id: number,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const parsedId = measureId.safeParse(id);
  return saveMeasure(code, parsedId.success ? parsedId.data : -1, formData);
}
