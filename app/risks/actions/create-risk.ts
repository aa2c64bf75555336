"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { insertRisk } from "@/db/mutations/risks";
import { getSettings } from "@/db/queries/settings";
import { authorize, deniedState } from "@/lib/auth/guard";
import { canChangeRisk } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import type { FormState } from "@/lib/validation/form-state";
import { riskFormValues } from "@/lib/validation/risk";
import { checkRiskSubmission } from "./check-submission";

/** Create a risk: authorize → validate → rules (scope, cadence) → one transaction → revalidate and redirect. */
export async function createRiskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("risk.create");
  if (!auth.ok) return deniedState(auth);
  const { actor } = auth;
  const values = riskFormValues(formData);
  const db = getDb();
  const now = new Date();
  const today = dayInZone(now, CITY_TIME_ZONE);
  const cadence = getSettings(db).reviewDays;
  const checked = checkRiskSubmission(db, values, { today, cadence, checkReviewDate: () => true });
  if (!checked.ok) return { ok: false, message: { key: "form.invalid" }, fieldErrors: checked.fieldErrors, values };
  if (!canChangeRisk(auth.user, "risk.create", checked.data)) {
    return { ok: false, message: { key: "auth.outOfScope" }, fieldErrors: { areaId: [{ key: "outOfScope" }], regionId: [{ key: "outOfScope" }] }, values };
  }
  const { code } = insertRisk(db, { input: checked.data, actor, now, year: Number(today.slice(0, 4)) });
  revalidatePath("/risks");
  redirect(`/risks/${code}?created=1`);
}
