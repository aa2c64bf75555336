"use server";

import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { commitImport, ImportConflict } from "@/db/imports/commit";
import { authorize } from "@/lib/auth/guard";
import type { PlannedRow } from "@/lib/domain/import-plan";
import { planRegisterFile } from "@/lib/imports/plan-file";
import type { ImportState } from "./import-state";

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Import a register file: authorize → read → plan (the dry run) → show. With intent "commit" the
 * same file is read and planned again; it is written only if the plan has no errors and is exactly
 * the plan the user was shown (its digest) — so what was previewed is what is written, all or nothing.
 */
export async function importRegisterAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const t = await getTranslations("imports");
  const auth = await authorize("risk.create");
  if (!auth.ok) return { status: "error", ok: false, message: (await getTranslations("auth"))(auth.key.replace(/^auth\./, "") as "forbidden") };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { status: "error", ok: false, message: t("noFile") };
  if (file.size > MAX_BYTES) return { status: "error", ok: false, message: t("tooBig", { mb: MAX_BYTES / 1024 / 1024 }) };
  if (!/\.(csv|xlsx)$/i.test(file.name)) return { status: "error", ok: false, message: t("badType") };
  const db = getDb();
  const now = new Date();
  const planned = await planRegisterFile(db, { name: file.name, bytes: Buffer.from(await file.arrayBuffer()), importer: auth.user, now });
  if (!planned.ok) {
    const th = await getTranslations("exports.registerColumns");
    const message = planned.error === "missingColumns"
      ? t("missingColumns", { columns: planned.columns.map((c) => `${th(c as "code")}(${c})`).join("、") })
      : t(`read.${planned.error}`, { line: planned.line ?? "—" });
    return { status: "error", ok: false, message };
  }
  const { plan } = planned;
  const digest = createHash("sha256").update(JSON.stringify(plan)).digest("hex");
  const counts = { create: 0, update: 0, unchanged: 0, outsideScope: 0, error: 0 };
  for (const r of plan) counts[r.action] += 1;
  const preview: ImportState = { status: "preview", ok: false, fileName: file.name, digest, counts, rows: await describeRows(plan) };
  if (formData.get("intent") !== "commit") return preview;

  if (counts.error > 0) return { ...preview, message: t("hasErrors") };
  if (formData.get("digest") !== digest) return { ...preview, message: t("changedSincePreview") };
  if (counts.create + counts.update === 0) return { ...preview, message: t("nothingToDo") };
  try {
    const done = commitImport(db, plan, { actor: auth.actor, now, reason: t("reason", { file: file.name }) });
    revalidatePath("/risks");
    return { status: "done", ok: true, message: t("done", { created: done.created, updated: done.updated, file: file.name }) };
  } catch (e) {
    if (e instanceof ImportConflict) return { ...preview, message: t("conflict", { line: e.line }) };
    throw e;
  }
}

async function describeRows(plan: PlannedRow[]) {
  const [t, tf] = [await getTranslations("imports"), await getTranslations("imports.fields")];
  return plan.map((r) => ({
    line: r.line,
    code: r.code,
    action: r.action,
    notes:
      r.action === "error" ? r.errors.map((e) => t(`errors.${e.key}` as "errors.required", e.values ?? {}))
      : r.action === "update" ? [t("changes", { fields: r.changes.map((f) => tf(f)).join("、") })]
      : r.action === "outsideScope" ? [t("outsideScopeNote")]
      : [],
  }));
}
