"use client";

import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormMessage, inputClass, useFormAction } from "@/components/forms/form-kit";
import { DivisionPicker } from "@/components/territory/division-picker";
import { AREA_KINDS } from "@/lib/domain/areas";
import { toRuleErrors, type FormState } from "@/lib/validation/form-state";
import { LIMITS, riskFormValues, validateRiskDetails, type RiskField } from "@/lib/validation/risk";

import type { Option, RiskFormOptions } from "@/lib/views/risk-form";

export type { RiskFormOptions };

/**
 * A risk's details: what it is, where, who owns it and who co-operates. It checks itself with the
 * server's zod schema before submitting (instant, translated errors next to each field); the
 * server checks again and its answer wins. On creation the grading fields come in as `children`.
 */
export function RiskForm({
  action,
  initial,
  options,
  version,
  cancelHref,
  withReason,
  children,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  options: RiskFormOptions;
  version?: number;
  cancelHref: string;
  withReason?: boolean;
  children?: (state: FormState) => ReactNode;
}) {
  const [state, formAction, pending] = useFormAction(action);
  const [clientErrors, setClientErrors] = useState<FormState["fieldErrors"]>();
  const t = useTranslations();
  const values = state.values ?? initial;
  const shown: FormState = clientErrors
    ? { ok: false, message: { key: "form.invalid" }, fieldErrors: clientErrors }
    : state;
  const coUnits = new Set(values.coUnitIds ? values.coUnitIds.split(",") : []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // The same reading of the form as the server's, so both sides judge identical values.
    const checked = validateRiskDetails(riskFormValues(new FormData(event.currentTarget)));
    if (!checked.ok) {
      event.preventDefault();
      setClientErrors(toRuleErrors(checked.fieldErrors));
      event.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(checked.fieldErrors)[0]}"]`)?.focus();
    } else setClientErrors(undefined);
  }

  const err = (f: string) => !!shown.fieldErrors?.[f]?.length;
  const fieldProps = (f: RiskField) => ({
    id: f,
    name: f,
    defaultValue: values[f],
    "aria-invalid": err(f),
    "aria-describedby": err(f) ? `${f}-error` : undefined,
  });
  const label = (f: RiskField, key: string, required = false) => (
    <label htmlFor={f} className="mb-1 block text-sm font-medium">
      {t(`risk.fields.${key}`)}
      {required ? (
        <span aria-hidden className="text-red-800">
          {" "}
          *
        </span>
      ) : null}
    </label>
  );
  const select = (f: RiskField, opts: Option[], placeholder: string) => (
    <select {...fieldProps(f)} required className={inputClass}>
      <option value="">{placeholder}</option>
      {opts.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );

  // key: remount with the server's echoed values after a failed submit, so nothing typed is lost.
  return (
    <form
      key={JSON.stringify(values)}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="grid max-w-3xl gap-5"
    >
      <FormMessage state={shown} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <div>
        {label("title", "title", true)}
        <input {...fieldProps("title")} maxLength={LIMITS.title} required className={inputClass} />
        <FieldError state={shown} name="title" />
      </div>
      <div>
        {label("description", "description")}
        <textarea {...fieldProps("description")} rows={3} className={inputClass} />
        <FieldError state={shown} name="description" />
      </div>
      <div className="grid gap-5 md:grid-cols-2">
        <div>
          {label("areaId", "area", true)}
          <select {...fieldProps("areaId")} required className={inputClass}>
            <option value="">{t("risk.chooseArea")}</option>
            {AREA_KINDS.map((k) => (
              <optgroup key={k} label={t(`kinds.${k}`)}>
                {options.areas
                  .filter((a) => a.kind === k)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <FieldError state={shown} name="areaId" />
        </div>
        <div>
          {label("regionId", "region", true)}
          {options.regionSearch ? (
            <DivisionPicker
              id="regionId"
              name="regionId"
              purpose="edit"
              required
              invalid={err("regionId")}
              initial={options.regionSearch.selected}
              words={{
                placeholder: t("territory.searchHint"),
                noMatch: t("territory.noMatch"),
                searching: t("territory.searching"),
              }}
            />
          ) : (
            select("regionId", options.regions, t("risk.chooseRegion"))
          )}
          <FieldError state={shown} name="regionId" />
        </div>
      </div>
      <div className="grid gap-5 md:grid-cols-2">
        <div>
          {label("responsibleUnitId", "responsibleUnit", true)}
          {select("responsibleUnitId", options.units, t("risk.chooseUnit"))}
          <FieldError state={shown} name="responsibleUnitId" />
        </div>
        <div>
          {label("responsiblePerson", "responsiblePerson", true)}
          <input {...fieldProps("responsiblePerson")} maxLength={LIMITS.person} required className={inputClass} />
          <FieldError state={shown} name="responsiblePerson" />
        </div>
      </div>
      <fieldset aria-describedby={err("coUnitIds") ? "coUnitIds-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">{t("risk.fields.coUnits")}</legend>
        <div className="grid max-h-48 gap-1 overflow-y-auto rounded border border-neutral-300 bg-white p-2 text-sm sm:grid-cols-2">
          {options.units.map((u) => (
            <label key={u.id} className="flex items-center gap-2">
              <input type="checkbox" name="coUnitIds" value={u.id} defaultChecked={coUnits.has(String(u.id))} />
              {u.label}
            </label>
          ))}
        </div>
        <FieldError state={shown} name="coUnitIds" />
      </fieldset>
      {children ? (
        <section className="grid gap-3 rounded-lg border border-neutral-200 bg-white p-4">
          <h2 className="text-lg font-semibold">{t("grading.title")}</h2>
          {children(shown)}
        </section>
      ) : null}
      {withReason ? (
        <div>
          {label("reason", "reason")}
          <textarea {...fieldProps("reason")} rows={2} maxLength={LIMITS.reason} className={inputClass} />
          <FieldError state={shown} name="reason" />
        </div>
      ) : null}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-800 px-5 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
        >
          {pending ? t("form.saving") : t("form.save")}
        </button>
        <Link href={cancelHref} className="text-blue-800 underline">
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
