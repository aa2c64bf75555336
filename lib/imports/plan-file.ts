import "server-only";
import { getTranslations } from "next-intl/server";
import type { Db } from "@/db/client";
import { existingRisks } from "@/db/imports/commit";
import { listAreas, listRegions, listUnits } from "@/db/queries/reference";
import { getSettings } from "@/db/queries/settings";
import { LOCALES } from "@/i18n/locales";
import { canChangeRisk, type Principal } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { COLOURS, RISK_STATUSES, type Colour } from "@/lib/domain/colours";
import { dayInZone } from "@/lib/domain/dates";
import { colourReader, IMPORT_REQUIRED_COLUMNS, planImport, type PlannedRow } from "@/lib/domain/import-plan";
import { registerHeadingKeys } from "@/lib/exports/words";
import { readRegisterFile, type ReadError } from "@/lib/files/register-file";

export type FilePlan =
  | { ok: true; plan: PlannedRow[] }
  | { ok: false; error: ReadError; line?: number }
  | { ok: false; error: "missingColumns"; columns: string[] };

/**
 * The import's dry run for one uploaded file: read it (bounded, either language's headings), then
 * plan every row against the register as it stands and the importer's scope. The action shows
 * this plan, and writes it only if the same file plans the same again.
 */
export async function planRegisterFile(
  db: Db,
  p: { name: string; bytes: Buffer; importer: Principal; now: Date },
): Promise<FilePlan> {
  const read = await readRegisterFile(p.name, p.bytes, await registerHeadingKeys());
  if (!read.ok) return read;
  const missing = IMPORT_REQUIRED_COLUMNS.filter((c) => !read.columns.includes(c));
  if (missing.length) return { ok: false, error: "missingColumns", columns: missing };
  // Colour and status words as the exports write them, in either language: a file exported in
  // English imports for a Chinese user and the other way round.
  const catalogues = await Promise.all(
    LOCALES.map(
      async (locale) =>
        [
          await getTranslations({ locale, namespace: "colours" }),
          await getTranslations({ locale, namespace: "statuses" }),
        ] as const,
    ),
  );
  const statusWords = new Map<string, (typeof RISK_STATUSES)[number]>(
    RISK_STATUSES.flatMap((s) => [[s, s] as const, ...catalogues.map(([, ts]) => [ts(s), s] as const)]),
  );
  const codes = (list: Array<{ id: number; code: string }>) => new Map(list.map((r) => [r.code, r.id]));
  const plan = planImport(read.rows, {
    areaByCode: codes(await listAreas(db, { activeOnly: true })),
    regionByCode: codes(await listRegions(db, { activeOnly: true })),
    unitByCode: codes(await listUnits(db, { activeOnly: true })),
    existingByCode: await existingRisks(db, read.rows.map((r) => (r.cells.code ?? "").trim()).filter(Boolean)),
    colourOf: colourReader(
      Object.fromEntries(COLOURS.map((c) => [c, catalogues.map(([tc]) => tc(c))])) as Record<Colour, string[]>,
    ),
    statusOf: (w) => statusWords.get(w.trim()) ?? null,
    canPlace: (areaId, regionId) => canChangeRisk(p.importer, "risk.create", { areaId, regionId }),
    today: dayInZone(p.now, CITY_TIME_ZONE),
    cadence: (await getSettings(db)).reviewDays,
  });
  return { ok: true, plan };
}
