"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/**
 * Checks an export file: the file is sent as the request body (streamed, never parsed in the
 * browser) to /api/exports/verify, which answers in words.
 */
export function VerifyExportForm({ maxMb }: { maxMb: number }) {
  const t = useTranslations("exports.verify");
  const [state, setState] = useState<{ ok: boolean; message: string } | "working" | null>(null);
  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-white p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
        if (!file) return setState({ ok: false, message: t("empty") });
        setState("working");
        try {
          if (file.size > maxMb * 1024 * 1024)
            return setState({ ok: false, message: t("problem.tooLarge", { mb: maxMb }) });
          const res = await fetch("/api/exports/verify", {
            method: "POST",
            body: file,
            headers: { "content-type": "application/octet-stream" },
          });
          const body = (await res.json()) as { ok: boolean; message: string };
          setState({ ok: res.ok && body.ok, message: body.message });
        } catch {
          setState({ ok: false, message: t("problem.cell", { line: 0, seq: 0, column: "none" }) });
        }
      }}
    >
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-neutral-700">{t("hint", { mb: maxMb })}</p>
      <label className="flex flex-col gap-1 text-sm">
        {t("file")}
        <input
          type="file"
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="text-sm"
        />
      </label>
      <div>
        <button
          type="submit"
          disabled={state === "working"}
          className="rounded bg-neutral-900 px-4 py-2 text-sm font-medium text-white hover:bg-neutral-700 disabled:opacity-50"
        >
          {t("submit")}
        </button>
      </div>
      <p
        role="status"
        data-testid="verify-export-result"
        className={`text-sm break-all ${state && state !== "working" ? (state.ok ? "text-emerald-800" : "text-red-800") : ""}`}
      >
        {state === "working" ? t("working") : (state?.message ?? "")}
      </p>
    </form>
  );
}
