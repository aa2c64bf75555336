"use server";

import { changeStatus } from "@/db/mutations/grading";
import type { FormState } from "@/lib/validation/form-state";
import { readForm } from "@/lib/validation/fields";
import { parseStatus, STATUS_FIELDS } from "@/lib/validation/workflow";
import { finish, invalid, authorizeRiskStep } from "./risk-step";

/** A lifecycle step (识别 → 管控中 → 已化解 → 已销号, or reopening), always with a reason. */
export async function changeStatusAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, STATUS_FIELDS);
  const opened = await authorizeRiskStep(code, formData, values);
  if (!opened.ok) return opened.state;
  const { step } = opened;
  const parsed = parseStatus(formData);
  if (!parsed.ok) return invalid(parsed.fieldErrors, values);
  return finish(
    step,
    await changeStatus(step.db, {
      riskId: step.found.risk.id,
      expectedVersion: step.expectedVersion,
      actor: step.auth.actor,
      now: step.now,
      ...parsed.data,
    }),
    values,
    "statusChanged",
  );
}
