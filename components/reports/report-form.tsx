"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { fileReportAction } from "@/app/reports/actions/file-report";
import { FieldError, FormMessage, SubmitButton, inputClass } from "@/components/forms/form-kit";
import { REPORT_ITEM_KINDS, type ReportItemKind } from "@/lib/domain/reporting";
import { INITIAL_FORM_STATE } from "@/lib/validation/form-state";

export type DraftRow = { kind: ReportItemKind; riskCode: string; text: string };

/**
 * The daily report: either "nothing new today" (零报告) in one click, or the day's situations —
 * pre-filled from the register's changes on the unit's risks, editable, with rows to add.
 */
export function ReportForm({ unitId, day, prefill }: { unitId: number; day: string; prefill: DraftRow[] }) {
  const t = useTranslations("reports");
  const [state, action] = useActionState(fileReportAction, INITIAL_FORM_STATE);
  const [kind, setKind] = useState<"zero" | "items">(prefill.length ? "items" : "zero");
  const [rows, setRows] = useState<DraftRow[]>(
    prefill.length ? prefill : [{ kind: "incident", riskCode: "", text: "" }],
  );
  const update = (i: number, patch: Partial<DraftRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const invalid = (name: string) => !!state.fieldErrors?.[name]?.length;
  return (
    <form action={action} className="flex flex-col gap-4 rounded-lg border border-neutral-200 bg-white p-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="unitId" value={unitId} />
      <input type="hidden" name="day" value={day} />
      <FieldError state={state} name="unitId" />
      <FieldError state={state} name="day" />
      <fieldset className="flex flex-col gap-2" aria-describedby={invalid("kind") ? "kind-error" : undefined}>
        <legend className="mb-1 font-semibold">{t("kindLegend")}</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="kind"
            value="zero"
            checked={kind === "zero"}
            onChange={() => setKind("zero")}
            className="h-4 w-4"
          />
          {t("kindZero")}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="kind"
            value="items"
            checked={kind === "items"}
            onChange={() => setKind("items")}
            className="h-4 w-4"
          />
          {t("kindItems")}
        </label>
        <FieldError state={state} name="kind" />
      </fieldset>
      {kind === "items" ? (
        <fieldset className="flex flex-col gap-3" aria-describedby={invalid("items") ? "items-error" : undefined}>
          <legend className="mb-1 font-semibold">{t("itemsLegend")}</legend>
          {prefill.length ? (
            <p className="text-sm text-neutral-700">{t("prefillHint", { n: prefill.length })}</p>
          ) : null}
          {rows.map((r, i) => (
            <div
              key={i}
              className="grid gap-2 rounded border border-neutral-200 p-3 sm:grid-cols-[10rem_10rem_1fr_auto]"
              data-testid="report-item"
            >
              <label className="flex flex-col gap-1 text-sm">
                {t("itemKind")}
                <select
                  name="itemKind"
                  value={r.kind}
                  onChange={(e) => update(i, { kind: e.target.value as ReportItemKind })}
                  className={inputClass}
                  aria-invalid={invalid(`itemKind-${i}`)}
                >
                  {REPORT_ITEM_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`itemKinds.${k}`)}
                    </option>
                  ))}
                </select>
                <FieldError state={state} name={`itemKind-${i}`} />
              </label>
              <label className="flex flex-col gap-1 text-sm">
                {t("itemRisk")}
                <input
                  name="itemRisk"
                  value={r.riskCode}
                  onChange={(e) => update(i, { riskCode: e.target.value })}
                  placeholder="YL-2026-0001"
                  className={`${inputClass} font-mono`}
                  aria-invalid={invalid(`itemRisk-${i}`)}
                  aria-describedby={invalid(`itemRisk-${i}`) ? `itemRisk-${i}-error` : undefined}
                />
                <FieldError state={state} name={`itemRisk-${i}`} />
              </label>
              <label className="flex flex-col gap-1 text-sm">
                {t("itemText")}
                <input
                  name="itemText"
                  value={r.text}
                  onChange={(e) => update(i, { text: e.target.value })}
                  maxLength={500}
                  className={inputClass}
                  aria-invalid={invalid(`itemText-${i}`)}
                  aria-describedby={invalid(`itemText-${i}`) ? `itemText-${i}-error` : undefined}
                />
                <FieldError state={state} name={`itemText-${i}`} />
              </label>
              <button
                type="button"
                onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                className="self-end rounded border border-neutral-400 px-3 py-2 text-sm hover:bg-neutral-100"
              >
                {t("removeItem")}
              </button>
            </div>
          ))}
          <div>
            <button
              type="button"
              onClick={() => setRows((rs) => [...rs, { kind: "incident", riskCode: "", text: "" }])}
              className="rounded border border-neutral-400 px-3 py-1 text-sm hover:bg-neutral-100"
            >
              {t("addItem")}
            </button>
          </div>
          <FieldError state={state} name="items" />
        </fieldset>
      ) : null}
      <label className="flex flex-col gap-1 text-sm">
        {t("note")}
        <textarea name="note" rows={2} maxLength={1000} className={inputClass} aria-invalid={invalid("note")} />
        <FieldError state={state} name="note" />
      </label>
      <div>
        <SubmitButton>{kind === "zero" ? t("submitZero") : t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
