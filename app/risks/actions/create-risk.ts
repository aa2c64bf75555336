"use server";

import { afterWrite } from "@/lib/actions/after-write";
import { getDb } from "@/db/client";
import { insertRisk } from "@/db/mutations/risks";
import { getSettings } from "@/db/queries/settings";
import { authorize, deniedState } from "@/lib/auth/guard";
import { canChangeRisk } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { checkNextReview } from "@/lib/domain/risk-rules";
import type { FormState } from "@/lib/validation/form-state";
import { toRuleErrors } from "@/lib/validation/form-state";
import { gradingFormValues, validateGrading } from "@/lib/validation/grading";
import { riskFormValues, validateRiskDetails } from "@/lib/validation/risk";
import { divisionFromForm } from "@/lib/territory/typed-division";
import { referenceErrors } from "./reference-errors";

/** Create a risk with its first assessment: authorize → validate → rules (scope, cadence) → one transaction → redirect. */
export async function createRiskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("risk.create");
  if (!auth.ok) return deniedState(auth);
  const db = getDb();
  // The division's id, or the text typed into its picker when the form came without script.
  const region = await divisionFromForm(db, formData, "regionId", { activeOnly: true });
  const detailValues = { ...riskFormValues(formData), regionId: region.value };
  const values = { ...detailValues, ...gradingFormValues(formData) };
  const now = new Date();
  const today = dayInZone(now, CITY_TIME_ZONE);
  const settings = await getSettings(db);
  const details = validateRiskDetails(detailValues);
  const grading = validateGrading(gradingFormValues(formData), {
    thresholds: settings.thresholds,
    reasonRequired: false,
  });
  // Every error at once, so the user fixes everything in one pass.
  const errors = {
    ...(details.ok ? await referenceErrors(db, details.data) : details.fieldErrors),
    ...(grading.ok ? {} : grading.fieldErrors),
    ...(region.error ? { regionId: [region.error] } : {}),
  };
  const review = grading.ok
    ? checkNextReview(grading.assessment.colour, grading.data.nextReviewDate, today, settings.reviewDays)
    : null;
  const ruleErrors = { ...toRuleErrors(errors), ...(review ? { nextReviewDate: [review] } : {}) };
  if (!details.ok || !grading.ok || Object.keys(ruleErrors).length)
    return { ok: false, message: { key: "form.invalid" }, fieldErrors: ruleErrors, values };
  if (!canChangeRisk(auth.user, "risk.create", details.data)) {
    return {
      ok: false,
      message: { key: "auth.outOfScope" },
      fieldErrors: { areaId: [{ key: "outOfScope" }], regionId: [{ key: "outOfScope" }] },
      values,
    };
  }
  const { code } = await insertRisk(db, {
    input: { ...details.data, reason: grading.data.reason || details.data.reason },
    assessment: grading.assessment,
    nextReviewDate: grading.data.nextReviewDate,
    actor: auth.actor,
    now,
    year: Number(today.slice(0, 4)),
  });
  return afterWrite(`/risks/${code}?created=1`);
}
