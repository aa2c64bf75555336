"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateSettingsAction } from "@/app/admin/settings/actions/update-settings";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/form-kit";
import { COLOURS } from "@/lib/domain/colours";
import { INITIAL_FORM_STATE } from "@/lib/validation/form-state";
import type { Settings } from "@/lib/validation/settings";

const FIELD = { red: "reviewRed", orange: "reviewOrange", yellow: "reviewYellow", blue: "reviewBlue" } as const;

export function SettingsForm({ settings }: { settings: Settings }) {
  const [state, action] = useActionState(updateSettingsAction, INITIAL_FORM_STATE);
  const t = useTranslations("settings");
  const tc = useTranslations("colours");
  return (
    <form action={action} className="flex flex-col gap-6 rounded-lg border border-neutral-200 bg-white p-6" noValidate>
      <FormMessage state={state} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-lg font-semibold">{t("reviewCadence")}</legend>
        <p className="text-sm text-neutral-700">{t("reviewCadenceHint")}</p>
        <div className="grid gap-4 sm:grid-cols-4">
          {COLOURS.map((c) => (
            <TextField
              key={c}
              state={state}
              name={FIELD[c]}
              label={t("reviewDays", { colour: tc(c) })}
              type="number"
              min={1}
              max={366}
              defaultValue={settings.reviewDays[c]}
              required
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-lg font-semibold">{t("thresholds")}</legend>
        <p className="text-sm text-neutral-700">{t("thresholdsHint")}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            state={state}
            name="lecRedAbove"
            label={t("lecRedAbove")}
            type="number"
            step="any"
            defaultValue={settings.thresholds.lec.redAbove}
            required
          />
          <TextField
            state={state}
            name="lecOrange"
            label={t("lecOrange")}
            type="number"
            step="any"
            defaultValue={settings.thresholds.lec.orange}
            required
          />
          <TextField
            state={state}
            name="lecYellow"
            label={t("lecYellow")}
            type="number"
            step="any"
            defaultValue={settings.thresholds.lec.yellow}
            required
          />
          <TextField
            state={state}
            name="matrixRed"
            label={t("matrixRed")}
            type="number"
            min={1}
            max={25}
            defaultValue={settings.thresholds.matrix.red}
            required
          />
          <TextField
            state={state}
            name="matrixOrange"
            label={t("matrixOrange")}
            type="number"
            min={1}
            max={25}
            defaultValue={settings.thresholds.matrix.orange}
            required
          />
          <TextField
            state={state}
            name="matrixYellow"
            label={t("matrixYellow")}
            type="number"
            min={1}
            max={25}
            defaultValue={settings.thresholds.matrix.yellow}
            required
          />
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-lg font-semibold">{t("reporting")}</legend>
        <p className="text-sm text-neutral-700">{t("reportCutoffHint")}</p>
        <div className="max-w-48">
          <TextField
            state={state}
            name="reportCutoff"
            label={t("reportCutoff")}
            type="time"
            defaultValue={settings.reportCutoff}
            required
          />
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-lg font-semibold">{t("documents")}</legend>
        <p className="text-sm text-neutral-700">{t("organisationHint")}</p>
        <div className="max-w-xl">
          <TextField
            state={state}
            name="organisation"
            label={t("organisation")}
            defaultValue={settings.organisation}
            maxLength={60}
          />
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-lg font-semibold">{t("twoFactor")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="totpAdmins"
            defaultChecked={settings.totpRequiredRoles.includes("admin")}
            className="h-4 w-4"
          />
          {t("requireForAdmins")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="totpLeaders"
            defaultChecked={settings.totpRequiredRoles.includes("leader")}
            className="h-4 w-4"
          />
          {t("requireForLeaders")}
        </label>
      </fieldset>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
