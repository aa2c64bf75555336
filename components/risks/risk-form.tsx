"use client";

import Link from "next/link";
import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ColourBadge } from "@/components/ui/colour-badge";
import type { RuleError } from "@/lib/domain/risk-rules";
import { COLOURS, RISK_STATUSES } from "@/lib/domain/colours";
import { AREA_KINDS } from "@/lib/domain/areas";
import { INITIAL_FORM_STATE, toRuleErrors, type FormState } from "@/lib/validation/form-state";
import { LIMITS, riskFormValues, validateRiskInput, type RiskField } from "@/lib/validation/risk";

type Option = { id: number; label: string };
export type RiskFormOptions = {
  areas: Array<Option & { kind: (typeof AREA_KINDS)[number] }>;
  regions: Option[];
  units: Option[];
};

const control = "w-full rounded border border-neutral-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/**
 * The risk form. It checks itself with the server's zod schema before submitting (instant,
 * translated errors next to each field); the server checks again and its answer wins.
 */
export function RiskForm({
  action,
  initial,
  options,
  version,
  cancelHref,
  requireReasonHint,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<RiskField, string>;
  options: RiskFormOptions;
  version?: number;
  cancelHref: string;
  requireReasonHint?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const [clientErrors, setClientErrors] = useState<FormState["fieldErrors"]>();
  const t = useTranslations();
  const values = state.values ?? initial;
  const errors = clientErrors ?? state.fieldErrors ?? {};
  const message: RuleError | undefined = clientErrors ? { key: "form.invalid" } : state.message;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // The same reading of the form as the server's, so both sides judge identical values.
    const checked = validateRiskInput(riskFormValues(new FormData(event.currentTarget)));
    if (!checked.ok) {
      event.preventDefault();
      setClientErrors(toRuleErrors(checked.fieldErrors));
      const first = Object.keys(checked.fieldErrors)[0];
      event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    } else {
      setClientErrors(undefined);
    }
  }

  const describedBy = (f: RiskField, hint = false) => [errors[f]?.length ? `${f}-error` : "", hint ? `${f}-hint` : ""].filter(Boolean).join(" ") || undefined;
  // id, name, value and the error wiring every control shares.
  const fieldProps = (f: RiskField, hint = false) => ({
    id: f,
    name: f,
    defaultValue: values[f],
    "aria-invalid": !!errors[f]?.length,
    "aria-describedby": describedBy(f, hint),
  });
  const fieldError = (f: RiskField) =>
    errors[f]?.length ? (
      <p id={`${f}-error`} className="mt-1 text-sm text-red-800">
        {errors[f]!.map((e) => t(`errors.${e.key}`, e.values)).join(" ")}
      </p>
    ) : null;
  const label = (f: RiskField, key: string, required = false) => (
    <label htmlFor={f} className="mb-1 block text-sm font-medium">
      {t(`risk.fields.${key}`)}
      {required ? <span aria-hidden className="text-red-800"> *</span> : null}
    </label>
  );
  const select = (f: RiskField, opts: Option[], placeholder: string) => (
    <select {...fieldProps(f)} required className={control}>
      <option value="">{placeholder}</option>
      {opts.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
    </select>
  );

  // key: remount with the server's echoed values after a failed submit, so nothing typed is lost.
  return (
    <form key={JSON.stringify(values)} action={formAction} onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-5">
      <div aria-live="polite">
        {message ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {t(message.key, message.values)}
          </p>
        ) : null}
      </div>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <div>
        {label("title", "title", true)}
        <input {...fieldProps("title")} maxLength={LIMITS.title} required className={control} />
        {fieldError("title")}
      </div>
      <div>
        {label("description", "description")}
        <textarea {...fieldProps("description")} rows={3} className={control} />
        {fieldError("description")}
      </div>
      <div className="grid gap-5 md:grid-cols-2">
        <div>
          {label("areaId", "area", true)}
          <select {...fieldProps("areaId")} required className={control}>
            <option value="">{t("risk.chooseArea")}</option>
            {AREA_KINDS.map((k) => (
              <optgroup key={k} label={t(`kinds.${k}`)}>
                {options.areas.filter((a) => a.kind === k).map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
              </optgroup>
            ))}
          </select>
          {fieldError("areaId")}
        </div>
        <div>
          {label("regionId", "region", true)}
          {select("regionId", options.regions, t("risk.chooseRegion"))}
          {fieldError("regionId")}
        </div>
      </div>
      <fieldset aria-describedby={describedBy("colour")}>
        <legend className="mb-1 text-sm font-medium">{t("risk.fields.colour")}<span aria-hidden className="text-red-800"> *</span></legend>
        <div className="flex flex-wrap gap-3">
          {COLOURS.map((c) => (
            <label key={c} className="flex items-center gap-2 rounded border border-neutral-300 bg-white px-3 py-2">
              <input type="radio" name="colour" value={c} defaultChecked={values.colour === c} />
              <ColourBadge colour={c} label={t(`colours.${c}`)} level={t(`colours.level.${c}`)} />
            </label>
          ))}
        </div>
        {fieldError("colour")}
      </fieldset>
      <div className="grid gap-5 md:grid-cols-2">
        <div>
          {label("status", "status", true)}
          <select {...fieldProps("status")} className={control}>
            {RISK_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
          </select>
          {fieldError("status")}
        </div>
        <div>
          {label("nextReviewDate", "nextReviewDate", true)}
          <input {...fieldProps("nextReviewDate", true)} type="date" required className={control} />
          <p id="nextReviewDate-hint" className="mt-1 text-xs text-neutral-600">{t("risk.hints.nextReviewDate")}</p>
          {fieldError("nextReviewDate")}
        </div>
      </div>
      <div className="grid gap-5 md:grid-cols-2">
        <div>
          {label("responsibleUnitId", "responsibleUnit", true)}
          {select("responsibleUnitId", options.units, t("risk.chooseUnit"))}
          {fieldError("responsibleUnitId")}
        </div>
        <div>
          {label("responsiblePerson", "responsiblePerson", true)}
          <input {...fieldProps("responsiblePerson")} maxLength={LIMITS.person} required className={control} />
          {fieldError("responsiblePerson")}
        </div>
      </div>
      <div>
        {label("controlMeasures", "controlMeasures")}
        <textarea {...fieldProps("controlMeasures")} rows={4} className={control} />
        {fieldError("controlMeasures")}
      </div>
      {requireReasonHint ? (
        <div>
          {label("reason", "reason")}
          <textarea {...fieldProps("reason", true)} rows={2} maxLength={LIMITS.reason} className={control} />
          <p id="reason-hint" className="mt-1 text-xs text-neutral-600">{t("risk.hints.reason")}</p>
          {fieldError("reason")}
        </div>
      ) : null}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-blue-800 px-5 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
          {pending ? t("form.saving") : t("form.save")}
        </button>
        <Link href={cancelHref} className="text-blue-800 underline">{t("form.cancel")}</Link>
      </div>
    </form>
  );
}
