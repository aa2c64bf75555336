"use server";

import { redirect } from "next/navigation";
import { reviewRisk } from "@/db/mutations/grading";
import { checkNextReview } from "@/lib/domain/risk-rules";
import { toRuleErrors, type FormState } from "@/lib/validation/form-state";
import { readForm } from "@/lib/validation/fields";
import { parseReview, REVIEW_FIELDS } from "@/lib/validation/workflow";
import { openStep, refusal, revalidateRisk } from "./risk-step";

/** "Reviewed, no change": confirms the current grade with a note and sets the next review day within its cadence. */
export async function reviewRiskAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, REVIEW_FIELDS);
  const opened = await openStep(code, formData, values);
  if (!opened.ok) return opened.state;
  const { step } = opened;
  const parsed = parseReview(formData);
  if (!parsed.ok) return { ok: false, message: { key: "form.invalid" }, fieldErrors: toRuleErrors(parsed.fieldErrors), values };
  const review = checkNextReview(step.found.risk.colour, parsed.data.nextReviewDate, step.today, step.settings.reviewDays);
  if (review) return { ok: false, message: { key: "form.invalid" }, fieldErrors: { nextReviewDate: [review] }, values };
  const result = reviewRisk(step.db, { riskId: step.found.risk.id, expectedVersion: step.expectedVersion, actor: step.auth.actor, now: step.now, ...parsed.data });
  if (!result.ok) return refusal(step, result, values);
  revalidateRisk(step.found.risk.code);
  redirect(`/risks/${step.found.risk.code}?reviewed=1`);
}
