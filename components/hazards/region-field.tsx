"use client";

import { useTranslations } from "next-intl";
import { FieldError, SelectField } from "@/components/forms/form-kit";
import { DivisionPicker } from "@/components/territory/division-picker";
import type { FormState } from "@/lib/validation/form-state";
import type { RiskFormOptions } from "@/lib/views/risk-form";

/**
 * Where a hazard or an inspection is: the divisions of the person's scope as a list while they are
 * few, else the typeahead (which sends the typed text too, so it works without script).
 */
export function RegionField({ state, options }: { state: FormState; options: RiskFormOptions }) {
  const t = useTranslations();
  if (!options.regionSearch)
    return (
      <SelectField
        state={state}
        name="regionId"
        label={t("hazards.fields.region")}
        options={options.regions}
        empty={t("hazards.choose")}
      />
    );
  return (
    <div>
      <label htmlFor="regionId" className="mb-1 block text-sm font-medium">
        {t("hazards.fields.region")}
      </label>
      <DivisionPicker
        id="regionId"
        name="regionId"
        purpose="edit"
        invalid={!!state.fieldErrors?.regionId?.length}
        initial={options.regionSearch.selected}
        words={{
          placeholder: t("territory.searchHint"),
          noMatch: t("territory.noMatch"),
          searching: t("territory.searching"),
        }}
      />
      <FieldError state={state} name="regionId" />
    </div>
  );
}
