"use server";

import { updateRiskDetails } from "@/db/mutations/risks";
import { canChangeRisk } from "@/lib/auth/permissions";
import type { FormState } from "@/lib/validation/form-state";
import { riskFormValues, validateRiskDetails } from "@/lib/validation/risk";
import { divisionFromForm } from "@/lib/territory/typed-division";
import { referenceErrors } from "./reference-errors";
import { finish, invalid, authorizeRiskStep } from "./risk-step";

/**
 * Edit a risk's details (what, where, who). The version the form was loaded at is posted back; a
 * stale version is a conflict that writes nothing and keeps the user's input. Grade, status,
 * reviews and measures each have their own step.
 */
export async function updateRiskAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const opened = await authorizeRiskStep(code, formData, riskFormValues(formData));
  if (!opened.ok) return opened.state;
  const { step } = opened;
  // The division's id, or the text typed into its picker when the form came without script.
  const region = await divisionFromForm(step.db, formData, "regionId", { activeOnly: true });
  const values = { ...riskFormValues(formData), regionId: region.value };
  const details = validateRiskDetails(values);
  const errors = {
    ...(details.ok ? await referenceErrors(step.db, details.data) : details.fieldErrors),
    ...(region.error ? { regionId: [region.error] } : {}),
  };
  if (!details.ok || Object.keys(errors).length) return invalid(errors, values);
  // Moving a risk needs its new place in scope too: an officer can neither take nor give away others' risks.
  if (!canChangeRisk(step.auth.user, "risk.edit", details.data)) {
    return {
      ok: false,
      message: { key: "auth.outOfScope" },
      fieldErrors: { areaId: [{ key: "outOfScope" }], regionId: [{ key: "outOfScope" }] },
      values,
    };
  }
  return finish(
    step,
    await updateRiskDetails(step.db, {
      riskId: step.found.risk.id,
      expectedVersion: step.expectedVersion,
      input: details.data,
      actor: step.auth.actor,
      now: step.now,
    }),
    values,
    "saved",
  );
}
