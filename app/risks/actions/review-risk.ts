"use server";

import { reviewRisk } from "@/db/mutations/grading";
import { checkNextReview } from "@/lib/domain/risk-rules";
import type { FormState } from "@/lib/validation/form-state";
import { readForm } from "@/lib/validation/fields";
import { parseReview, REVIEW_FIELDS } from "@/lib/validation/workflow";
import { finish, invalid, authorizeRiskStep } from "./risk-step";

/** "Reviewed, no change": confirms the current grade with a note and sets the next review day within its cadence. */
export async function reviewRiskAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, REVIEW_FIELDS);
  const opened = await authorizeRiskStep(code, formData, values);
  if (!opened.ok) return opened.state;
  const { step } = opened;
  const parsed = parseReview(formData);
  if (!parsed.ok) return invalid(parsed.fieldErrors, values);
  const review = checkNextReview(
    step.found.risk.colour,
    parsed.data.nextReviewDate,
    step.today,
    step.settings.reviewDays,
  );
  if (review) return { ok: false, message: { key: "form.invalid" }, fieldErrors: { nextReviewDate: [review] }, values };
  return finish(
    step,
    await reviewRisk(step.db, {
      riskId: step.found.risk.id,
      expectedVersion: step.expectedVersion,
      actor: step.auth.actor,
      now: step.now,
      ...parsed.data,
    }),
    values,
    "reviewed",
  );
}
