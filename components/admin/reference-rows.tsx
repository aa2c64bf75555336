"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { renameReferenceAction, setReferenceActiveAction } from "@/app/admin/reference/actions/reference";
import { FieldError, FormMessage, inputClass, SubmitButton } from "@/components/forms/form-kit";
import { INITIAL_FORM_STATE } from "@/lib/validation/form-state";
import type { ReferenceTable } from "@/lib/validation/reference";

export type ReferenceRowData = {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  detail: string;
};

/** One row: code, both names editable in place, and retire/restore. */
export function ReferenceRow({ table, row }: { table: ReferenceTable; row: ReferenceRowData }) {
  const [state, rename] = useActionState(renameReferenceAction.bind(null, table, row.id), INITIAL_FORM_STATE);
  const [activeState, toggle] = useActionState(
    setReferenceActiveAction.bind(null, table, row.id, !row.active),
    INITIAL_FORM_STATE,
  );
  const t = useTranslations("reference");
  const id = (f: string) => `${table}-${row.id}-${f}`;
  return (
    <li
      className={`flex flex-col gap-2 border-b border-neutral-100 px-4 py-3 last:border-0 ${row.active ? "" : "bg-neutral-50 text-neutral-500"}`}
    >
      <div className="flex flex-wrap items-end gap-3">
        <span className="w-24 font-mono text-sm">{row.code}</span>
        <span className="w-28 text-xs text-neutral-600">{row.detail}</span>
        <form action={rename} className="flex flex-1 flex-wrap items-end gap-2" noValidate>
          <label className="flex-1 text-xs" htmlFor={id("zh")}>
            {t("nameZh")}
            <input
              id={id("zh")}
              name="nameZh"
              defaultValue={row.nameZh}
              className={inputClass}
              aria-invalid={!!state.fieldErrors?.nameZh}
            />
          </label>
          <label className="flex-1 text-xs" htmlFor={id("en")}>
            {t("nameEn")}
            <input
              id={id("en")}
              name="nameEn"
              defaultValue={row.nameEn}
              className={inputClass}
              aria-invalid={!!state.fieldErrors?.nameEn}
            />
          </label>
          <SubmitButton tone="plain">{t("rename")}</SubmitButton>
        </form>
        <form action={toggle}>
          <SubmitButton tone={row.active ? "danger" : "plain"}>
            {row.active ? t("deactivate") : t("reactivate")}
          </SubmitButton>
        </form>
      </div>
      <FieldError state={state} name="nameZh" />
      <FieldError state={state} name="nameEn" />
      <FormMessage state={state.message ? state : activeState} />
    </li>
  );
}
