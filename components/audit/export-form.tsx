"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { COLOURS } from "@/lib/domain/colours";
import { EXPORT_ACTIONS } from "@/lib/history/export-actions";

type Option = { id: number; label: string };

/**
 * The history export (CSV or XLSX): a GET form straight to /api/exports/history, so the browser downloads the
 * stream itself (no copy in page memory). No criterion exports everything — the only export that
 * can be proved complete; any criterion makes a partial export, which the file says of itself.
 * The server checks the filter again; this form only stops an inverted date range early.
 */
export function ExportForm({ areas, regions, actors }: { areas: Option[]; regions: Option[]; actors: Option[] }) {
  const t = useTranslations("exports");
  const tc = useTranslations("colours");
  const [error, setError] = useState<string | null>(null);
  const control = "rounded border border-neutral-400 bg-white px-2 py-1";
  return (
    <form
      method="get"
      action="/api/exports/history"
      className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-white p-4"
      onSubmit={(e) => {
        const data = new FormData(e.currentTarget);
        const [from, to] = [String(data.get("from") ?? ""), String(data.get("to") ?? "")];
        if (from && to && from > to) {
          e.preventDefault();
          setError(t("invalidFilter", { fields: t("fields.to") }));
        } else setError(null);
      }}
    >
      <h2 className="text-lg font-semibold">{t("formTitle")}</h2>
      <p className="text-sm text-neutral-700">{t("formHint")}</p>
      <div className="flex flex-wrap gap-3 text-sm">
        <label className="flex flex-col gap-1">
          {t("fields.from")}
          <input type="date" name="from" className={control} />
        </label>
        <label className="flex flex-col gap-1">
          {t("toLabel")}
          <input type="date" name="to" className={control} />
        </label>
        {(
          [
            ["area", areas],
            ["region", regions],
            ["actor", actors],
          ] as const
        ).map(([name, options]) => (
          <label key={name} className="flex flex-col gap-1">
            {t(`fields.${name}`)}
            <select name={name} multiple size={4} className={`${control} min-w-40`}>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="flex flex-col gap-1">
          {t("fields.action")}
          <select name="action" multiple size={4} className={`${control} min-w-40`}>
            {EXPORT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`actions.${a.replace(".", "_")}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t("formatLabel")}
          <select name="format" defaultValue="csv" className={control}>
            <option value="csv">{t("formats.csv")}</option>
            <option value="xlsx">{t("formats.xlsx")}</option>
          </select>
        </label>
        <fieldset className="flex flex-col gap-1">
          <legend>{t("fields.colour")}</legend>
          {COLOURS.map((c) => (
            <label key={c} className="flex items-center gap-1">
              <input type="checkbox" name="colour" value={c} />
              {tc(c)}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded bg-neutral-900 px-4 py-2 text-sm font-medium text-white hover:bg-neutral-700"
        >
          {t("submit")}
        </button>
        {error ? (
          <p role="alert" className="text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}
