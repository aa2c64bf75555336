"use server";

import { gradeRisk } from "@/db/mutations/grading";
import { checkNextReview } from "@/lib/domain/risk-rules";
import type { FormState } from "@/lib/validation/form-state";
import { gradingFormValues, validateGrading } from "@/lib/validation/grading";
import { finish, invalid, authorizeRiskStep } from "./risk-step";

/**
 * Grade a risk (LEC, matrix or direct judgement). A reason is always required; a colour other
 * than the computed one also needs an override reason; the next review must fit the new colour's
 * cadence. A rise to red takes effect at once and waits for a leader's acknowledgement.
 */
export async function gradeRiskAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = gradingFormValues(formData);
  const opened = await authorizeRiskStep(code, formData, values);
  if (!opened.ok) return opened.state;
  const { step } = opened;
  const grading = validateGrading(values, { thresholds: step.settings.thresholds, reasonRequired: true });
  if (!grading.ok) return invalid(grading.fieldErrors, values);
  const review = checkNextReview(
    grading.assessment.colour,
    grading.data.nextReviewDate,
    step.today,
    step.settings.reviewDays,
  );
  if (review) return { ok: false, message: { key: "form.invalid" }, fieldErrors: { nextReviewDate: [review] }, values };
  return finish(
    step,
    await gradeRisk(step.db, {
      riskId: step.found.risk.id,
      expectedVersion: step.expectedVersion,
      actor: step.auth.actor,
      now: step.now,
      assessment: grading.assessment,
      reason: grading.data.reason,
      nextReviewDate: grading.data.nextReviewDate,
    }),
    values,
    "graded",
  );
}
