"use client";

import { useTranslations } from "next-intl";
import {
  FieldError,
  FormMessage,
  SelectField,
  SubmitButton,
  TextField,
  useFormAction,
} from "@/components/forms/form-kit";
import { RegionField } from "./region-field";
import type { FormState } from "@/lib/validation/form-state";
import type { RiskFormOptions } from "@/lib/views/risk-form";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
const box = "grid gap-3 rounded-lg border border-neutral-200 bg-white p-4";

/** Plan an inspection: what, which unit, which domain (or all), where, when, who goes. */
export function PlanInspectionForm({
  action,
  options,
  today,
}: {
  action: Action;
  options: RiskFormOptions;
  today: string;
}) {
  const [state, formAction] = useFormAction(action);
  const t = useTranslations("hazards");
  const v = state.values ?? {};
  return (
    <form action={formAction} noValidate className={box}>
      <h2 className="text-lg font-semibold">{t("inspections.plan")}</h2>
      <FormMessage state={state} />
      <TextField state={state} name="title" label={t("inspections.fields.title")} defaultValue={v.title} />
      <TextField
        state={state}
        name="campaign"
        label={t("inspections.fields.campaign")}
        defaultValue={v.campaign}
        hint={t("inspections.campaignHint")}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          state={state}
          name="unitId"
          label={t("inspections.fields.unit")}
          options={options.units}
          empty={t("choose")}
        />
        <SelectField
          state={state}
          name="areaId"
          label={t("fields.area")}
          options={options.areas}
          empty={t("inspections.allDomains")}
        />
        <RegionField state={state} options={options} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          state={state}
          name="plannedFrom"
          type="date"
          label={t("inspections.fields.from")}
          defaultValue={v.plannedFrom ?? today}
        />
        <TextField
          state={state}
          name="plannedTo"
          type="date"
          label={t("inspections.fields.to")}
          defaultValue={v.plannedTo ?? today}
        />
        <TextField
          state={state}
          name="inspectors"
          label={t("inspections.fields.inspectors")}
          defaultValue={v.inspectors}
        />
      </div>
      <div>
        <SubmitButton>{t("inspections.planSave")}</SubmitButton>
      </div>
    </form>
  );
}

/** End an inspection: with its findings, or "nothing found" in so many words. */
export function CompleteInspectionForm({
  action,
  version,
  today,
  found,
}: {
  action: Action;
  version: number;
  today: string;
  found: number;
}) {
  const [state, formAction] = useFormAction(action);
  const t = useTranslations("hazards");
  return (
    <form action={formAction} noValidate className={box}>
      <h2 className="text-lg font-semibold">{t("inspections.complete")}</h2>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t("inspections.outcome")}</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="outcome" value="found" defaultChecked={found > 0} />
          {t("inspections.outcomeFound", { count: found })}
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="outcome" value="nothing" defaultChecked={found === 0} />
          {t("inspections.outcomeNothing")}
        </label>
        <FieldError state={state} name="outcome" />
      </fieldset>
      <TextField
        state={state}
        name="doneOn"
        type="date"
        max={today}
        label={t("inspections.fields.doneOn")}
        defaultValue={state.values?.doneOn ?? today}
      />
      <div>
        <SubmitButton>{t("inspections.completeSave")}</SubmitButton>
      </div>
    </form>
  );
}
