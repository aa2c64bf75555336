"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { updateRisk } from "@/db/mutations/risks";
import { getRiskByCode } from "@/db/queries/risks";
import { getSettings } from "@/db/queries/settings";
import { authorize, deniedState } from "@/lib/auth/guard";
import { canChangeRisk } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { reasonRequired } from "@/lib/domain/risk-rules";
import type { FormState } from "@/lib/validation/form-state";
import { riskFormValues } from "@/lib/validation/risk";
import { checkRiskSubmission } from "./check-submission";

const versionSchema = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/**
 * Edit a risk identified by its code (bound by the page). The version the form was loaded at is
 * posted back; a stale version is a conflict and writes nothing, keeping the user's input.
 */
export async function updateRiskAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("risk.edit");
  if (!auth.ok) return deniedState(auth);
  const { actor } = auth;
  const values = riskFormValues(formData);
  const db = getDb();
  const existing = typeof code === "string" ? getRiskByCode(db, { code }) : undefined;
  if (!existing) return { ok: false, message: { key: "risk.notFound" }, values };
  // Outside the officer's scope the risk is read-only, whatever the form says.
  if (!canChangeRisk(auth.user, "risk.edit", existing.risk)) return { ok: false, message: { key: "auth.outOfScope" }, values };
  const version = versionSchema.safeParse(formData.get("version"));
  if (!version.success) return { ok: false, message: { key: "form.failed" }, values };

  const before = existing.risk;
  const now = new Date();
  const today = dayInZone(now, CITY_TIME_ZONE);
  const checked = checkRiskSubmission(db, values, {
    today,
    cadence: getSettings(db).reviewDays,
    // An untouched, already-overdue date stays as it is; a new date or colour must fit the cadence.
    checkReviewDate: (d) => d.nextReviewDate !== before.nextReviewDate || d.colour !== before.colour,
  });
  if (!checked.ok) return { ok: false, message: { key: "form.invalid" }, fieldErrors: checked.fieldErrors, values };
  if (!canChangeRisk(auth.user, "risk.edit", checked.data)) {
    return { ok: false, message: { key: "auth.outOfScope" }, fieldErrors: { areaId: [{ key: "outOfScope" }], regionId: [{ key: "outOfScope" }] }, values };
  }
  if (reasonRequired(before, checked.data) && !checked.data.reason) {
    return { ok: false, message: { key: "form.invalid" }, fieldErrors: { reason: [{ key: "reasonRequired" }] }, values };
  }

  const result = updateRisk(db, { riskId: before.id, expectedVersion: version.data, input: checked.data, actor, now });
  if (!result.ok && result.error === "conflict") {
    return { ok: false, message: { key: "form.conflict", values: { version: result.currentVersion } }, values };
  }
  if (!result.ok) return { ok: false, message: { key: "risk.notFound" }, values };
  if (result.changed.length === 0) return { ok: false, message: { key: "form.noChange" }, values };
  revalidatePath("/risks");
  revalidatePath(`/risks/${code}`);
  redirect(`/risks/${code}?saved=1`);
}
