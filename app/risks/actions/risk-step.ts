import "server-only";
import { getLocale } from "next-intl/server";
import { getDb, type Db } from "@/db/client";
import type { WriteResult } from "@/db/mutations/risk-write";
import { riskCodeOf } from "@/lib/domain/risk-code";
import { getRiskByCode, listRiskEventsSince, type RiskDetail } from "@/db/queries/risks";
import { getSettings } from "@/db/queries/settings";
import { afterWrite } from "@/lib/actions/after-write";
import { authorize, deniedState, type Authorized } from "@/lib/auth/guard";
import { canChangeRisk } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { createDescriber } from "@/lib/history/describe";
import { nameMaps } from "@/lib/history/names";
import { version as versionSchema } from "@/lib/validation/fields";
import { toRuleErrors, type FormState } from "@/lib/validation/form-state";

export type Step = {
  auth: Authorized;
  db: Db;
  found: RiskDetail;
  expectedVersion: number;
  now: Date;
  today: string;
  settings: Awaited<ReturnType<typeof getSettings>>;
};

/**
 * The common opening of every action on an existing risk: authorize → find the risk → check it is
 * in the caller's scope (for officers' edits) → read the version the form was loaded at. Returns
 * the context, or the refusal to send back (nothing has been written either way).
 */
export async function authorizeRiskStep(
  code: unknown,
  formData: FormData,
  values: Record<string, string>,
  { permission = "risk.edit" }: { permission?: "risk.edit" | "risk.acknowledge" } = {},
): Promise<{ ok: true; step: Step } | { ok: false; state: FormState }> {
  const auth = await authorize(permission);
  if (!auth.ok) return { ok: false, state: deniedState(auth) };
  const db = getDb();
  const key = riskCodeOf(code);
  const found = key === null ? undefined : await getRiskByCode(db, { code: key });
  if (!found) return { ok: false, state: { ok: false, message: { key: "risk.notFound" }, values } };
  // Outside the officer's scope the risk is read-only, whatever the form says.
  if (permission === "risk.edit" && !canChangeRisk(auth.user, "risk.edit", found.risk)) {
    return { ok: false, state: { ok: false, message: { key: "auth.outOfScope" }, values } };
  }
  const version = versionSchema.safeParse(formData.get("version"));
  if (!version.success) return { ok: false, state: { ok: false, message: { key: "form.failed" }, values } };
  const now = new Date();
  const step: Step = {
    auth,
    db,
    found,
    expectedVersion: version.data,
    now,
    today: dayInZone(now, CITY_TIME_ZONE),
    settings: await getSettings(db),
  };
  // Stale already? Say so before judging the fields against a risk the user has not seen. (The
  // write checks the version again under the lock; this only gives the better message first.)
  if (version.data !== found.risk.version) {
    return {
      ok: false,
      state: await refusal(step, { ok: false, error: "conflict", currentVersion: found.risk.version }, values),
    };
  }
  return { ok: true, step };
}

/**
 * Turns a refused write into what the user sees. A stale version lists, in words, what others
 * changed since the user's version — their input stays in the form and nothing was overwritten.
 */
export async function refusal(
  step: Step,
  result: Extract<WriteResult, { ok: false }>,
  values: Record<string, string>,
): Promise<FormState> {
  if (result.error === "conflict") {
    const events = await listRiskEventsSince(step.db, { riskId: step.found.risk.id, version: step.expectedVersion });
    const d = await createDescriber(await nameMaps(step.db, await getLocale()));
    return {
      ok: false,
      values,
      message: { key: "form.conflict", values: { version: result.currentVersion ?? 0 } },
      conflict: events.map((e) => `${d.when(e)} ${d.words(e)}${e.reason ? ` — ${e.reason}` : ""}`),
    };
  }
  const key = {
    notFound: "risk.notFound",
    noChange: "form.noChange",
    invalidTransition: "errors.invalidTransition",
    notPending: "errors.notPending",
    measureNotFound: "errors.measureNotFound",
  }[result.error];
  return { ok: false, message: { key }, values };
}

/** A form the schema or a rule refused: every field's errors, the user's input kept, nothing written. */
export function invalid(fieldErrors: Partial<Record<string, string[]>>, values: Record<string, string>): FormState {
  return { ok: false, message: { key: "form.invalid" }, fieldErrors: toRuleErrors(fieldErrors), values };
}

/** The common close of every step: a refusal goes back to the form; a write revalidates and returns to the risk with a notice. */
export async function finish(
  step: Step,
  result: WriteResult,
  values: Record<string, string>,
  notice: string,
): Promise<FormState> {
  if (!result.ok) return refusal(step, result, values);
  return afterWrite(`/risks/${step.found.risk.code}?${notice}=1${notice === "measureSaved" ? "#measures" : ""}`);
}
