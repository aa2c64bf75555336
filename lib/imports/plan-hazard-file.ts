import "server-only";
import { getTranslations } from "next-intl/server";
import type { Db } from "@/db/client";
import { HAZARD_COLUMNS } from "@/db/exports/hazards";
import { hazardImportLookups } from "@/db/imports/hazards";
import { listAreas } from "@/db/queries/reference";
import { loadTerritory } from "@/db/queries/territory";
import { LOCALES } from "@/i18n/locales";
import { canActOnHazard, type Principal } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { HAZARD_IMPORT_REQUIRED, planHazardImport, type PlannedHazardRow } from "@/lib/domain/hazard-import";
import { HAZARD_GRADES, type HazardGrade } from "@/lib/domain/hazards";
import { readRegisterFile, type ReadError } from "@/lib/files/register-file";

export type HazardFilePlan =
  | { ok: true; plan: PlannedHazardRow[] }
  | { ok: false; error: ReadError; line?: number }
  | { ok: false; error: "missingColumns"; columns: string[] };

/**
 * The hazard import's dry run for one uploaded list: read it (bounded, as the register import:
 * CSV or XLSX, the hazards export's headings in either language or their keys), then plan every row
 * against the reference lists, the territory, the risks and inspections it names, and the
 * importer's scope.
 */
export async function planHazardFile(
  db: Db,
  p: { name: string; bytes: Buffer; importer: Principal; now: Date },
): Promise<HazardFilePlan> {
  const catalogues = await Promise.all(
    LOCALES.map(
      async (locale) =>
        [
          await getTranslations({ locale, namespace: "exports.hazardColumns" }),
          await getTranslations({ locale, namespace: "hazards.grades" }),
        ] as const,
    ),
  );
  const headings = new Map(
    HAZARD_COLUMNS.flatMap((c) => [[c, c] as const, ...catalogues.map(([th]) => [th(c).toLowerCase(), c] as const)]),
  );
  const read = await readRegisterFile(p.name, p.bytes, headings);
  if (!read.ok) return read;
  const missing = HAZARD_IMPORT_REQUIRED.filter((c) => !read.columns.includes(c));
  if (!read.columns.includes("area_code") && !read.columns.includes("area")) missing.push("area_code" as never);
  if (!read.columns.includes("region_code") && !read.columns.includes("region")) missing.push("region_code" as never);
  if (missing.length) return { ok: false, error: "missingColumns", columns: missing };
  const grades = new Map<string, HazardGrade>(
    HAZARD_GRADES.flatMap((g) => [[g, g] as const, ...catalogues.map(([, tg]) => [tg(g), g] as const)]),
  );
  // Short words as ledgers write them too: 一般 / 重大.
  grades.set("一般", "general").set("重大", "major");
  const areas = await listAreas(db, { activeOnly: true });
  const areaKey = new Map<string, number>();
  for (const a of areas) for (const k of [a.code, a.nameZh, a.nameEn]) areaKey.set(k.toLowerCase(), a.id);
  const territory = await loadTerritory(db);
  const active = [...territory.byId.values()].filter((d) => d.active);
  const byCode = new Map(active.map((d) => [d.code, d.id]));
  const byName = new Map<string, number | null>();
  for (const d of active)
    for (const n of [d.nameZh, d.nameEn]) byName.set(n, byName.has(n) && byName.get(n) !== d.id ? null : d.id);
  const column = (k: string) => read.rows.map((r) => (r.cells[k] ?? "").trim().toUpperCase()).filter(Boolean);
  const lookups = await hazardImportLookups(db, {
    hazardCodes: column("code"),
    riskCodes: column("risk_code"),
    inspectionCodes: column("inspection_code"),
  });
  const plan = planHazardImport(read.rows, {
    areaOf: (code, name) => areaKey.get((code || name).toLowerCase()) ?? null,
    // A name shared by two divisions (two villages called 新庄村) names neither: the code is needed.
    regionOf: (code, name) => (code ? (byCode.get(code) ?? null) : name ? (byName.get(name) ?? null) : null),
    gradeOf: (w) => grades.get(w.trim()) ?? null,
    ...lookups,
    canPlace: (areaId, regionId) => canActOnHazard(p.importer, "hazard.record", { areaId, regionId }),
    today: dayInZone(p.now, CITY_TIME_ZONE),
  });
  return { ok: true, plan };
}
