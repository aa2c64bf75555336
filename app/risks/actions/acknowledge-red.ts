"use server";

import { acknowledgeRed } from "@/db/mutations/grading";
import type { FormState } from "@/lib/validation/form-state";
import { readForm } from "@/lib/validation/fields";
import { ACK_FIELDS, parseAck } from "@/lib/validation/workflow";
import { finish, invalid, authorizeRiskStep } from "./risk-step";

/** A leader acknowledges a red grading, optionally with a written instruction (批示). */
export async function acknowledgeRedAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, ACK_FIELDS);
  const opened = await authorizeRiskStep(code, formData, values, { permission: "risk.acknowledge" });
  if (!opened.ok) return opened.state;
  const { step } = opened;
  const parsed = parseAck(formData);
  if (!parsed.ok) return invalid(parsed.fieldErrors, values);
  return finish(
    step,
    await acknowledgeRed(step.db, {
      riskId: step.found.risk.id,
      expectedVersion: step.expectedVersion,
      actor: step.auth.actor,
      now: step.now,
      ...parsed.data,
    }),
    values,
    "acknowledged",
  );
}
