"use server";

import { getDb } from "@/db/client";
import { insertHazard } from "@/db/mutations/hazards";
import { getInspection } from "@/db/queries/hazards";
import { allActive } from "@/db/queries/reference";
import { getRiskByCode } from "@/db/queries/risks";
import { afterWrite } from "@/lib/actions/after-write";
import { authorize, deniedState } from "@/lib/auth/guard";
import { canActOnHazard } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { readForm } from "@/lib/validation/fields";
import type { FormState } from "@/lib/validation/form-state";
import { HAZARD_FIELDS, parseHazard } from "@/lib/validation/hazard";
import { divisionFromForm } from "@/lib/territory/typed-division";
import { invalidHazardForm } from "./hazard-step";

/**
 * Records a hazard found: authorize → validate → the place within the finder's scope, the risk and
 * the inspection it names must exist → one transaction (its code and its "hazard.create" event) →
 * its page, where the form's script then sends the chosen photos (they stream to a route handler:
 * an action would hold the whole body in memory).
 */
export async function createHazardAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("hazard.record");
  if (!auth.ok) return deniedState(auth);
  const db = getDb();
  const region = await divisionFromForm(db, formData, "regionId", { activeOnly: true });
  const values = { ...readForm(formData, HAZARD_FIELDS), regionId: region.value };
  const parsed = parseHazard(values);
  const errors: Partial<Record<string, string[]>> = parsed.ok ? {} : { ...parsed.fieldErrors };
  if (region.error) errors.regionId = [region.error];
  const now = new Date();
  const today = dayInZone(now, CITY_TIME_ZONE);
  let riskId: number | null = null;
  let inspectionId: number | null = null;
  if (parsed.ok) {
    const d = parsed.data;
    if (d.foundOn > today) errors.foundOn = ["dateInFuture"];
    if (!(await allActive(db, { table: "areas", ids: [d.areaId] }))) errors.areaId = ["unknownArea"];
    if (!(await allActive(db, { table: "regions", ids: [d.regionId] }))) errors.regionId = ["unknownRegion"];
    if (d.riskCode) {
      const risk = await getRiskByCode(db, { code: d.riskCode });
      if (risk) riskId = risk.risk.id;
      else errors.riskCode = ["riskCodeUnknown"];
    }
    if (d.inspectionCode) {
      const inspection = await getInspection(db, { code: d.inspectionCode });
      if (inspection?.status === "planned") inspectionId = inspection.id;
      else errors.inspectionCode = [inspection ? "inspectionDone" : "unknownInspection"];
    }
  }
  if (!parsed.ok || Object.keys(errors).length) return invalidHazardForm(errors, values);
  const d = parsed.data;
  if (!canActOnHazard(auth.user, "hazard.record", d)) {
    return {
      ...invalidHazardForm({ areaId: ["outOfScope"], regionId: ["outOfScope"] }, values),
      message: { key: "auth.outOfScope" },
    };
  }
  const { code } = await insertHazard(db, {
    input: {
      title: d.title,
      description: d.description,
      areaId: d.areaId,
      regionId: d.regionId,
      place: d.place,
      grade: d.grade,
      riskId,
      inspectionId,
      foundOn: d.foundOn,
    },
    actor: auth.actor,
    now,
    year: Number(today.slice(0, 4)),
  });
  return afterWrite(`/hazards/${code}?created=1`);
}
