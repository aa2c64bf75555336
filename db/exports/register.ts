import type Database from "better-sqlite3";
import { and, asc, count, eq, gt } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { RegisterQuery } from "../../lib/validation/register-query";
import { whereFor } from "../queries/register";
import * as schema from "../schema";
import { areas, regions, risks, units } from "../schema";
import { pauseBetweenChunks, type Cell, type ExportSource } from "./source";

/**
 * The register as it stands, as an export source (CSV or XLSX), with the register page's own filters (db/queries/register.ts),
 * streamed like the history: own read-only connection, one snapshot, keyed chunks, yields between.
 * The columns are the import template's (issue #6): codes for machines, names for people, so an
 * export can be edited in Excel and imported again.
 */
export const REGISTER_COLUMNS = [
  "code", "title", "description", "area_code", "area", "region_code", "region", "colour", "status", "method",
  "responsible_unit_code", "responsible_unit", "responsible_person", "co_unit_codes", "next_review_date", "ack_pending", "updated_at",
] as const;

export function registerSource(
  sqlite: Database.Database,
  query: RegisterQuery,
  meta: { filter: string; today: string; name: (row: { nameZh: string; nameEn: string }) => string; words: { colour: (c: string) => string; status: (s: string) => string } },
  { chunk = 1_000, pause = pauseBetweenChunks }: { chunk?: number; pause?: () => Promise<void> } = {},
): ExportSource {
  const db = drizzle(sqlite, { schema });
  const where = whereFor(query, meta.today);
  const unitCodes = new Map(db.select({ id: units.id, code: units.code }).from(units).all().map((u) => [u.id, u.code]));
  sqlite.exec("BEGIN"); // one snapshot (ends when the connection closes)
  const total = db.select({ n: count() }).from(risks).where(where).get()?.n ?? 0;
  async function* chunks(): AsyncGenerator<Cell[][]> {
    let last = 0;
    for (;;) {
      const rows = db
        .select({ risk: risks, areaCode: areas.code, areaZh: areas.nameZh, areaEn: areas.nameEn, regionCode: regions.code, regionZh: regions.nameZh, regionEn: regions.nameEn, unitCode: units.code, unitZh: units.nameZh, unitEn: units.nameEn })
        .from(risks)
        .innerJoin(areas, eq(areas.id, risks.areaId))
        .innerJoin(regions, eq(regions.id, risks.regionId))
        .innerJoin(units, eq(units.id, risks.responsibleUnitId))
        .where(and(where, gt(risks.id, last)))
        .orderBy(asc(risks.id))
        .limit(chunk)
        .all();
      if (rows.length) {
        yield rows.map((r) => {
          const k = r.risk;
          return [
            k.code, k.title, k.description, r.areaCode, meta.name({ nameZh: r.areaZh, nameEn: r.areaEn }), r.regionCode, meta.name({ nameZh: r.regionZh, nameEn: r.regionEn }),
            meta.words.colour(k.colour), meta.words.status(k.status), String((k.assessment as { method?: string } | null)?.method ?? "direct"),
            r.unitCode, meta.name({ nameZh: r.unitZh, nameEn: r.unitEn }), k.responsiblePerson, k.coUnitIds.map((id) => unitCodes.get(id) ?? String(id)).join(";"),
            k.nextReviewDate, k.ackPending ? 1 : 0, k.updatedAt.toISOString(),
          ];
        });
      }
      if (rows.length < chunk) return;
      last = rows[rows.length - 1].risk.id;
      await pause();
    }
  }
  return { kind: "register", scope: meta.filter ? "partial" : "full", total, columns: REGISTER_COLUMNS, colourColumn: REGISTER_COLUMNS.indexOf("colour"), chunks: chunks() };
}
