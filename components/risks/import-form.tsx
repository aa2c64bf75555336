"use client";

import { startTransition, useActionState } from "react";
import { useTranslations } from "next-intl";
import { importRegisterAction } from "@/app/risks/import/actions/import-register";
import type { ImportState } from "@/app/risks/import/actions/import-state";

const TONE = { create: "bg-emerald-50", update: "bg-sky-50", unchanged: "", outsideScope: "text-neutral-600", error: "bg-red-50" } as const;

/**
 * Upload → dry run (every row: what would happen, or what is wrong, in words) → confirm. The file
 * stays chosen, so "确认导入" sends the same file again with the dry run's digest; the server writes
 * only that plan. (Without script the form cannot be sent: the import needs the dry run first.)
 */
export function ImportForm() {
  const t = useTranslations("imports");
  const [state, action, pending] = useActionState(importRegisterAction, { status: "idle", ok: false } as ImportState);
  const preview = state.status === "preview" ? state : null;
  return (
    <form
      className="flex flex-col gap-4"
      // Submitted by hand rather than with the form's action: React resets a form after its action
      // runs, which would empty the file input between the dry run and the confirmation.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
        startTransition(() => action(data));
      }}
    >
      <div className="flex flex-wrap items-end gap-3 rounded-lg border border-neutral-200 bg-white p-4">
        <label className="flex flex-col gap-1 text-sm">
          {t("file")}
          <input type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required className="text-sm" />
        </label>
        <button type="submit" name="intent" value="preview" disabled={pending} className="rounded border border-neutral-600 bg-white px-4 py-2 text-sm font-medium hover:bg-neutral-100 disabled:opacity-50">{t("preview")}</button>
        {preview ? (
          <>
            <input type="hidden" name="digest" value={preview.digest} />
            <button type="submit" name="intent" value="commit" disabled={pending || preview.counts.error > 0 || preview.counts.create + preview.counts.update === 0}
              className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 disabled:opacity-50">{t("commit")}</button>
          </>
        ) : null}
        {pending ? <span role="status" className="text-sm">{t("working")}</span> : null}
      </div>
      {state.status === "error" ? <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">{state.message}</p> : null}
      {state.status === "done" ? <p role="status" data-testid="import-done" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{state.message}</p> : null}
      {preview ? (
        <div className="flex flex-col gap-2">
          <p role="status" data-testid="import-summary" className="text-sm font-medium">
            {t("summary", { file: preview.fileName, ...preview.counts })}
          </p>
          {preview.message ? <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">{preview.message}</p> : null}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="import-rows">
              <thead>
                <tr className="border-b border-neutral-300">
                  <th scope="col" className="px-2 py-1">{t("columns.line")}</th>
                  <th scope="col" className="px-2 py-1">{t("columns.code")}</th>
                  <th scope="col" className="px-2 py-1">{t("columns.action")}</th>
                  <th scope="col" className="px-2 py-1">{t("columns.notes")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line} data-action={r.action} className={`border-b border-neutral-100 align-top ${TONE[r.action]}`}>
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
