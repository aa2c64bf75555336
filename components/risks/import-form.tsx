"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ImportState } from "@/lib/imports/import-state";

const TONE = {
  create: "bg-emerald-50",
  update: "bg-sky-50",
  unchanged: "",
  outsideScope: "text-neutral-600",
  error: "bg-red-50",
} as const;

/**
 * Upload → dry run (every row: what would happen, or what is wrong, in words) → confirm. The file is
 * sent as the request body to /api/imports/register (read there as a bounded stream); it stays
 * chosen, so "确认导入" sends the same file again with the dry run's digest, and the server writes
 * only that plan. A file over the limit is refused here before it is sent, and again by the server.
 * (Without script the form cannot be sent: the import needs the dry run first.)
 */
export function ImportForm({
  maxMb,
  endpoint = "/api/imports/register",
  summary = "summary",
  fileLabel = "file",
}: {
  maxMb: number;
  /** Where the file goes: the register import, or the division list import (same protocol). */
  endpoint?: string;
  summary?: "summary" | "divisionSummary" | "hazardSummary";
  fileLabel?: "file" | "divisionFile" | "hazardFile";
}) {
  const t = useTranslations("imports");
  const [state, setState] = useState<ImportState>({ status: "idle", ok: false });
  const [pending, setPending] = useState(false);
  const preview = state.status === "preview" ? state : null;
  async function send(form: HTMLFormElement, intent: "preview" | "commit") {
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file || file.size === 0) return setState({ status: "error", ok: false, message: t("noFile") });
    if (file.size > maxMb * 1024 * 1024)
      return setState({ status: "error", ok: false, message: t("tooBig", { mb: maxMb }) });
    const query = new URLSearchParams({
      name: file.name,
      intent,
      ...(intent === "commit" && preview ? { digest: preview.digest } : {}),
    });
    setPending(true);
    try {
      const res = await fetch(`${endpoint}?${query}`, {
        method: "POST",
        body: file,
        headers: { "content-type": "application/octet-stream" },
      });
      setState((await res.json()) as ImportState);
    } catch {
      setState({ status: "error", ok: false, message: t("read.unreadable") });
    } finally {
      setPending(false);
    }
  }
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        void send(e.currentTarget, submitter?.value === "commit" ? "commit" : "preview");
      }}
    >
      <div className="flex flex-wrap items-end gap-3 rounded-lg border border-neutral-200 bg-white p-4">
        <label className="flex flex-col gap-1 text-sm">
          {t(fileLabel, { mb: maxMb })}
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            className="text-sm"
          />
        </label>
        <button
          type="submit"
          name="intent"
          value="preview"
          disabled={pending}
          className="rounded border border-neutral-600 bg-white px-4 py-2 text-sm font-medium hover:bg-neutral-100 disabled:opacity-50"
        >
          {t("preview")}
        </button>
        {preview ? (
          <>
            <button
              type="submit"
              name="intent"
              value="commit"
              disabled={pending || preview.counts.error > 0 || preview.counts.create + preview.counts.update === 0}
              className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 disabled:opacity-50"
            >
              {t("commit")}
            </button>
          </>
        ) : null}
        {pending ? (
          <span role="status" className="text-sm">
            {t("working")}
          </span>
        ) : null}
      </div>
      {state.status === "error" ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {state.message}
        </p>
      ) : null}
      {state.status === "done" ? (
        <p
          role="status"
          data-testid="import-done"
          className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          {state.message}
        </p>
      ) : null}
      {preview ? (
        <div className="flex flex-col gap-2">
          <p role="status" data-testid="import-summary" className="text-sm font-medium">
            {t(summary, { file: preview.fileName, ...preview.counts })}
          </p>
          {preview.message ? (
            <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
              {preview.message}
            </p>
          ) : null}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="import-rows">
              <thead>
                <tr className="border-b border-neutral-300">
                  <th scope="col" className="px-2 py-1">
                    {t("columns.line")}
                  </th>
                  <th scope="col" className="px-2 py-1">
                    {t("columns.code")}
                  </th>
                  <th scope="col" className="px-2 py-1">
                    {t("columns.action")}
                  </th>
                  <th scope="col" className="px-2 py-1">
                    {t("columns.notes")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr
                    key={r.line}
                    data-action={r.action}
                    className={`border-b border-neutral-100 align-top ${TONE[r.action]}`}
                  >
                    <td className="px-2 py-1 tabular-nums">{r.line}</td>
                    <td className="px-2 py-1">{r.code ?? "—"}</td>
                    <td className="px-2 py-1 font-medium">{t(`actions.${r.action}`)}</td>
                    <td className="px-2 py-1">{r.notes.join(";")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </form>
  );
}
