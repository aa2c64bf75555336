import "server-only";
import { getDb, type Db } from "@/db/client";
import type { HazardWriteResult } from "@/db/mutations/hazards";
import { getHazard } from "@/db/queries/hazards";
import type { Hazard } from "@/db/schema";
import { afterWrite } from "@/lib/actions/after-write";
import { authorize, deniedState, type Authorized } from "@/lib/auth/guard";
import { canActOnHazard } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { hazardCodeOf } from "@/lib/domain/hazards";
import { version as versionSchema } from "@/lib/validation/fields";
import { keysToRuleErrors, type FormState } from "@/lib/validation/form-state";
import { HAZARD_LIMITS } from "@/lib/validation/hazard";

export type HazardStep = {
  auth: Authorized;
  db: Db;
  hazard: Hazard;
  expectedVersion: number;
  now: Date;
  today: string;
};

type StepPermission = "hazard.rectify" | "hazard.accept" | "hazard.supervise";

/**
 * The opening of every step on a hazard: authorize → find it → is it within the caller's reach for
 * this step (lib/auth/permissions.ts canActOnHazard) → the version the form was loaded at, refused
 * when stale. Nothing is written either way.
 */
export async function openHazardStep(
  code: unknown,
  formData: FormData,
  values: Record<string, string>,
  permission: StepPermission,
): Promise<{ ok: true; step: HazardStep } | { ok: false; state: FormState }> {
  const auth = await authorize(permission);
  if (!auth.ok) return { ok: false, state: deniedState(auth) };
  const db = getDb();
  const key = hazardCodeOf(code);
  const hazard = key === null ? undefined : await getHazard(db, { code: key });
  if (!hazard) return { ok: false, state: { ok: false, message: { key: "hazards.refused.notFound" }, values } };
  if (!canActOnHazard(auth.user, permission, hazard))
    return { ok: false, state: { ok: false, message: { key: "auth.outOfScope" }, values } };
  const version = versionSchema.safeParse(formData.get("version"));
  if (!version.success) return { ok: false, state: { ok: false, message: { key: "form.failed" }, values } };
  if (version.data !== hazard.version) return { ok: false, state: stale(hazard.version, values) };
  const now = new Date();
  return {
    ok: true,
    step: { auth, db, hazard, expectedVersion: version.data, now, today: dayInZone(now, CITY_TIME_ZONE) },
  };
}

const stale = (current: number, values: Record<string, string>): FormState => ({
  ok: false,
  message: { key: "hazards.refused.conflict", values: { version: current } },
  values,
});

// Each field's length limit, for "at most N characters".
const MAX: Record<string, number> = {
  ...HAZARD_LIMITS,
  targets: HAZARD_LIMITS.five,
  funds: HAZARD_LIMITS.five,
  people: HAZARD_LIMITS.five,
  timing: HAZARD_LIMITS.five,
  safety: HAZARD_LIMITS.five,
  measuresTaken: HAZARD_LIMITS.measures,
};

/** A form the schema refused: each field's errors, the input kept, nothing written. */
export function invalidHazardForm(
  fieldErrors: Partial<Record<string, string[]>>,
  values: Record<string, string>,
): FormState {
  return { ok: false, message: { key: "form.invalid" }, fieldErrors: keysToRuleErrors(fieldErrors, MAX), values };
}

/** The close of every step: a refusal in words (nothing written), or back to the hazard with a notice. */
export async function finishHazardStep(
  step: HazardStep,
  result: HazardWriteResult,
  values: Record<string, string>,
  notice: string,
): Promise<FormState> {
  if (!result.ok) {
    if (result.error === "conflict") return stale(result.currentVersion ?? 0, values);
    return { ok: false, message: { key: `hazards.refused.${result.error}` }, values };
  }
  return afterWrite(`/hazards/${step.hazard.code}?${notice}=1`);
}
