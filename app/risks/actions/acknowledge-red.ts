"use server";

import { redirect } from "next/navigation";
import { acknowledgeRed } from "@/db/mutations/grading";
import { toRuleErrors, type FormState } from "@/lib/validation/form-state";
import { readForm } from "@/lib/validation/fields";
import { ACK_FIELDS, parseAck } from "@/lib/validation/workflow";
import { openStep, refusal, revalidateRisk } from "./risk-step";

/** A leader acknowledges a red grading, optionally with a written instruction (批示). */
export async function acknowledgeRedAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, ACK_FIELDS);
  const opened = await openStep(code, formData, values, { permission: "risk.acknowledge" });
  if (!opened.ok) return opened.state;
  const { step } = opened;
  const parsed = parseAck(formData);
  if (!parsed.ok) return { ok: false, message: { key: "form.invalid" }, fieldErrors: toRuleErrors(parsed.fieldErrors), values };
  const result = acknowledgeRed(step.db, { riskId: step.found.risk.id, expectedVersion: step.expectedVersion, actor: step.auth.actor, now: step.now, ...parsed.data });
  if (!result.ok) return refusal(step, result, values);
  revalidateRisk(step.found.risk.code);
  redirect(`/risks/${step.found.risk.code}?acknowledged=1`);
}
