"use server";

import { getDb } from "@/db/client";
import { completeInspection, insertInspection } from "@/db/mutations/inspections";
import { getInspection } from "@/db/queries/hazards";
import { allActive } from "@/db/queries/reference";
import { afterWrite } from "@/lib/actions/after-write";
import { authorize, deniedState } from "@/lib/auth/guard";
import { canRecordInspection } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { inspectionCodeOf } from "@/lib/domain/hazards";
import { readForm, version as versionSchema } from "@/lib/validation/fields";
import type { FormState } from "@/lib/validation/form-state";
import { INSPECTION_FIELDS, DONE_FIELDS, parseDone, parseInspection } from "@/lib/validation/hazard";
import { divisionFromForm } from "@/lib/territory/typed-division";
import { invalidHazardForm } from "@/app/hazards/actions/hazard-step";

/** Plans an inspection (排查): a unit, the domain (or all), the division, the days, who goes. */
export async function planInspectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("hazard.record");
  if (!auth.ok) return deniedState(auth);
  const db = getDb();
  const region = await divisionFromForm(db, formData, "regionId", { activeOnly: true });
  const values = { ...readForm(formData, INSPECTION_FIELDS), regionId: region.value };
  const parsed = parseInspection(values);
  const errors: Partial<Record<string, string[]>> = parsed.ok ? {} : { ...parsed.fieldErrors };
  if (region.error) errors.regionId = [region.error];
  if (parsed.ok) {
    const d = parsed.data;
    if (!(await allActive(db, { table: "units", ids: [d.unitId] }))) errors.unitId = ["unknownUnit"];
    if (!(await allActive(db, { table: "regions", ids: [d.regionId] }))) errors.regionId = ["unknownRegion"];
    if (d.areaId !== null && !(await allActive(db, { table: "areas", ids: [d.areaId] })))
      errors.areaId = ["unknownArea"];
  }
  if (!parsed.ok || Object.keys(errors).length) return invalidHazardForm(errors, values);
  if (!canRecordInspection(auth.user, parsed.data))
    return { ...invalidHazardForm({ regionId: ["outOfScope"] }, values), message: { key: "auth.outOfScope" } };
  const now = new Date();
  const { code } = await insertInspection(db, {
    input: parsed.data,
    actor: auth.actor,
    now,
    year: Number(dayInZone(now, CITY_TIME_ZONE).slice(0, 4)),
  });
  return afterWrite(`/inspections/${code}?planned=1`);
}

/** Ends an inspection: with the hazards recorded against it, or with "nothing found" said in so many words. */
export async function completeInspectionAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, DONE_FIELDS);
  const auth = await authorize("hazard.record");
  if (!auth.ok) return deniedState(auth);
  const db = getDb();
  const key = inspectionCodeOf(code);
  const inspection = key ? await getInspection(db, { code: key }) : undefined;
  if (!inspection) return { ok: false, message: { key: "hazards.refused.notFound" }, values };
  if (!canRecordInspection(auth.user, inspection)) return { ok: false, message: { key: "auth.outOfScope" }, values };
  const version = versionSchema.safeParse(formData.get("version"));
  if (!version.success) return { ok: false, message: { key: "form.failed" }, values };
  const parsed = parseDone(formData);
  if (!parsed.ok) return invalidHazardForm(parsed.fieldErrors, values);
  const now = new Date();
  const result = await completeInspection(db, {
    inspectionId: inspection.id,
    expectedVersion: version.data,
    nothingFound: parsed.data.outcome === "nothing",
    doneOn: parsed.data.doneOn,
    today: dayInZone(now, CITY_TIME_ZONE),
    actor: auth.actor,
    now,
  });
  if (!result.ok)
    return {
      ok: false,
      message:
        result.error === "conflict"
          ? { key: "hazards.refused.conflict", values: { version: result.currentVersion ?? 0 } }
          : { key: `hazards.refused.${result.error}` },
      values,
    };
  return afterWrite(`/inspections/${inspection.code}?done=1`);
}
