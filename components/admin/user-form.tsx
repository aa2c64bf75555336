"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormMessage, SubmitButton, TextField } from "@/components/forms/form-kit";
import { DivisionChoices } from "@/components/territory/division-choices";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/validation/form-state";

import type { Option, UserFormOptions } from "@/lib/views/user-form";

export type { UserFormOptions };
export type UserFormInitial = {
  username: string;
  displayName: string;
  roles: Role[];
  areaIds: number[];
  regionIds: number[];
  unitIds: number[];
  version?: number;
};

function CheckboxGroup({
  name,
  legend,
  options,
  checked,
  state,
}: {
  name: string;
  legend: string;
  options: Option[];
  checked: number[] | string[];
  state: FormState;
}) {
  const set = new Set((checked as Array<number | string>).map(String));
  return (
    <fieldset aria-describedby={state.fieldErrors?.[name]?.length ? `${name}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 lg:grid-cols-4">
        {options.map((o) => (
          <label key={o.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={o.id}
              defaultChecked={set.has(String(o.id))}
              className="h-4 w-4"
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError state={state} name={name} />
    </fieldset>
  );
}

/**
 * Create or edit an account: name, roles, and — for officers — the scope (areas × regions).
 * Checked boxes post as repeated fields; the server validates the same schema.
 */
export function UserForm({
  action,
  initial,
  options,
  isNew,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  initial: UserFormInitial;
  options: UserFormOptions;
  isNew: boolean;
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const t = useTranslations("admin");
  const tr = useTranslations("roles");
  const tt = useTranslations("territory");
  return (
    <form
      action={formAction}
      className="flex flex-col gap-5 rounded-lg border border-neutral-200 bg-white p-6"
      noValidate
    >
      <FormMessage state={state} />
      {initial.version ? <input type="hidden" name="version" value={initial.version} /> : null}
      {isNew ? (
        <TextField
          state={state}
          name="username"
          label={t("username")}
          defaultValue={state.values?.username ?? initial.username}
          autoComplete="off"
          required
          hint={t("usernameHint")}
        />
      ) : null}
      <TextField
        state={state}
        name="displayName"
        label={t("displayName")}
        defaultValue={state.values?.displayName ?? initial.displayName}
        required
      />
      <fieldset aria-describedby={state.fieldErrors?.roles?.length ? "roles-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">{t("roles")}</legend>
        <div className="flex flex-wrap gap-4">
          {ROLES.map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="roles"
                value={r}
                defaultChecked={initial.roles.includes(r)}
                className="h-4 w-4"
              />
              {tr(r)}
            </label>
          ))}
        </div>
        <FieldError state={state} name="roles" />
      </fieldset>
      <div className="flex flex-col gap-4 rounded border border-neutral-200 p-4">
        <p className="text-sm text-neutral-700">{t("scopeHint")}</p>
        <CheckboxGroup
          name="areaIds"
          legend={t("scopeCategories")}
          options={options.categories}
          checked={initial.areaIds}
          state={state}
        />
        <CheckboxGroup
          name="areaIds"
          legend={t("scopeDomains")}
          options={options.domains}
          checked={initial.areaIds}
          state={{ ok: false }}
        />
        {options.regions ? (
          <CheckboxGroup
            name="regionIds"
            legend={t("scopeRegions")}
            options={options.regions}
            checked={initial.regionIds}
            state={state}
          />
        ) : (
          <div>
            <DivisionChoices
              name="regionIds"
              legend={t("scopeRegions")}
              initial={options.regionsChosen}
              words={{ placeholder: tt("searchHint"), noMatch: tt("noMatch"), searching: tt("searching") }}
            />
            <FieldError state={state} name="regionIds" />
          </div>
        )}
      </div>
      <div className="flex flex-col gap-2 rounded border border-neutral-200 p-4">
        <p className="text-sm text-neutral-700">{t("unitsHint")}</p>
        <CheckboxGroup
          name="unitIds"
          legend={t("units")}
          options={options.units}
          checked={initial.unitIds}
          state={state}
        />
      </div>
      <div>
        <SubmitButton>{isNew ? t("create") : t("save")}</SubmitButton>
      </div>
    </form>
  );
}
