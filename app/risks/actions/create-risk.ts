"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { insertRisk } from "@/db/mutations/risks";
import { getActor } from "@/lib/auth/actor";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import type { FormState } from "@/lib/validation/form-state";
import { riskFormValues } from "@/lib/validation/risk";
import { checkRiskSubmission } from "./check-submission";

/** Create a risk: identify the actor → validate → rules → one transaction → revalidate and redirect. */
export async function createRiskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // Authorization (roles and scopes) arrives with accounts in #3; getActor is the seam it replaces.
  const actor = await getActor();
  const values = riskFormValues(formData);
  const db = getDb();
  const now = new Date();
  const today = dayInZone(now, CITY_TIME_ZONE);
  const checked = checkRiskSubmission(db, values, { today, checkReviewDate: () => true });
  if (!checked.ok) return { ok: false, message: { key: "form.invalid" }, fieldErrors: checked.fieldErrors, values };
  const { code } = insertRisk(db, { input: checked.data, actor, now, year: Number(today.slice(0, 4)) });
  revalidatePath("/risks");
  redirect(`/risks/${code}?created=1`);
}
