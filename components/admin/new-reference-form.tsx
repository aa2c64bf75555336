"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createReferenceAction } from "@/app/admin/reference/actions/reference";
import { FieldError, FormMessage, inputClass, SubmitButton, TextField } from "@/components/forms/form-kit";
import { INITIAL_FORM_STATE } from "@/lib/validation/form-state";
import type { ReferenceTable } from "@/lib/validation/reference";

/** Adds an area (with its kind), a region (under a parent) or a unit. */
export function NewReferenceForm({
  table,
  parents,
}: {
  table: ReferenceTable;
  parents: Array<{ id: number; label: string }>;
}) {
  const [state, action] = useActionState(createReferenceAction.bind(null, table), INITIAL_FORM_STATE);
  const t = useTranslations("reference");
  return (
    <form action={action} className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-white p-4" noValidate>
      <h2 className="text-lg font-semibold">{t(`new.${table}`)}</h2>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField
          state={state}
          name="code"
          label={t("code")}
          defaultValue={state.values?.code}
          required
          hint={t("codeHint")}
        />
        <TextField state={state} name="nameZh" label={t("nameZh")} defaultValue={state.values?.nameZh} required />
        <TextField state={state} name="nameEn" label={t("nameEn")} defaultValue={state.values?.nameEn} required />
        {table === "areas" ? (
          <div>
            <label htmlFor="kind" className="mb-1 block text-sm font-medium">
              {t("kind")}
            </label>
            <select id="kind" name="kind" className={inputClass} defaultValue="domain">
              <option value="category">{t("kinds.category")}</option>
              <option value="domain">{t("kinds.domain")}</option>
            </select>
            <FieldError state={state} name="kind" />
          </div>
        ) : null}
        {table === "regions" || table === "units" ? (
          <div>
            <label htmlFor="parentId" className="mb-1 block text-sm font-medium">
              {t(table === "units" ? "unitDivision" : "parent")}
            </label>
            <select id="parentId" name="parentId" className={inputClass} aria-invalid={!!state.fieldErrors?.parentId}>
              {/* A unit without a division is one of the city's own departments. */}
              {table === "units" ? <option value="">{t("cityOwn")}</option> : null}
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
            <FieldError state={state} name="parentId" />
          </div>
        ) : null}
      </div>
      <div>
        <SubmitButton>{t("add")}</SubmitButton>
      </div>
    </form>
  );
}
