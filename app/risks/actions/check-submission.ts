import "server-only";
import type { Db } from "@/db/client";
import { checkReferences } from "@/db/queries/reference";
import type { Colour } from "@/lib/domain/colours";
import { checkNextReview, type RuleError } from "@/lib/domain/risk-rules";
import { toRuleErrors } from "@/lib/validation/form-state";
import { validateRiskInput, type RiskField, type RiskInput } from "@/lib/validation/risk";

type Checked = { ok: true; data: RiskInput } | { ok: false; fieldErrors: Partial<Record<RiskField, RuleError[]>> };

/**
 * Server-side checks shared by create and edit: the zod schema (same as the browser's), then the
 * referenced area/region/unit must exist and be active, then the review-cadence rule — all errors
 * at once, so the user fixes everything in one pass.
 */
export function checkRiskSubmission(
  db: Db,
  values: Record<string, string>,
  opts: { today: string; cadence: Record<Colour, number>; checkReviewDate: (data: RiskInput) => boolean },
): Checked {
  const parsed = validateRiskInput(values);
  if (!parsed.ok) return { ok: false, fieldErrors: toRuleErrors(parsed.fieldErrors) };
  const data = parsed.data;
  const refs = checkReferences(db, { areaId: data.areaId, regionId: data.regionId, unitId: data.responsibleUnitId });
  const errors: Partial<Record<RiskField, RuleError[]>> = {};
  if (!refs.area) errors.areaId = [{ key: "unknownArea" }];
  if (!refs.region) errors.regionId = [{ key: "unknownRegion" }];
  if (!refs.unit) errors.responsibleUnitId = [{ key: "unknownUnit" }];
  if (opts.checkReviewDate(data)) {
    const review = checkNextReview(data.colour, data.nextReviewDate, opts.today, opts.cadence);
    if (review) errors.nextReviewDate = [review];
  }
  return Object.keys(errors).length ? { ok: false, fieldErrors: errors } : { ok: true, data };
}
