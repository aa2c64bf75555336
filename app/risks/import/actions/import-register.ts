"use server";

import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { LOCALES } from "@/i18n/locales";
import { commitImport, existingRisks, ImportConflict } from "@/db/imports/commit";
import { readImportFile } from "@/db/imports/read-file";
import { listAreas, listRegions, listUnits } from "@/db/queries/reference";
import { getSettings } from "@/db/queries/settings";
import { authorize } from "@/lib/auth/guard";
import { canChangeRisk } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { COLOURS, RISK_STATUSES } from "@/lib/domain/colours";
import { dayInZone } from "@/lib/domain/dates";
import { colourReader, IMPORT_REQUIRED_COLUMNS, planImport, type PlannedRow } from "@/lib/domain/import-plan";
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
  const read = await readImportFile(file.name, Buffer.from(await file.arrayBuffer()));
  if (!read.ok) return { status: "error", ok: false, message: t(`read.${read.error}`) };
  const missing = IMPORT_REQUIRED_COLUMNS.filter((c) => !read.columns.includes(c));
  if (missing.length) return { status: "error", ok: false, message: t("missingColumns", { columns: missing.join(", ") }) };

  const db = getDb();
  const now = new Date();
  const settings = getSettings(db);
  // Colour and status words as the exports write them, in either language: a file exported in
  // English imports for a Chinese user and the other way round.
  const catalogues = await Promise.all(LOCALES.map(async (locale) => [await getTranslations({ locale, namespace: "colours" }), await getTranslations({ locale, namespace: "statuses" })] as const));
  const statusWords = new Map<string, (typeof RISK_STATUSES)[number]>(RISK_STATUSES.flatMap((s) => [[s, s] as const, ...catalogues.map(([, ts]) => [ts(s), s] as const)]));
  const codes = (list: Array<{ id: number; code: string }>) => new Map(list.map((r) => [r.code, r.id]));
  const plan = planImport(read.rows, {
    areaByCode: codes(listAreas(db, { activeOnly: true })),
    regionByCode: codes(listRegions(db, { activeOnly: true })),
    unitByCode: codes(listUnits(db, { activeOnly: true })),
    existingByCode: existingRisks(db, read.rows.map((r) => (r.cells.code ?? "").trim()).filter(Boolean)),
    colourOf: colourReader(Object.fromEntries(COLOURS.map((c) => [c, catalogues.map(([tc]) => tc(c))])) as Record<(typeof COLOURS)[number], string[]>),
    statusOf: (w) => statusWords.get(w.trim()) ?? null,
    canPlace: (areaId, regionId) => canChangeRisk(auth.user, "risk.create", { areaId, regionId }),
    today: dayInZone(now, CITY_TIME_ZONE),
    cadence: settings.reviewDays,
  });
  const digest = createHash("sha256").update(JSON.stringify(plan)).digest("hex");
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
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
      : [],
  }));
}
