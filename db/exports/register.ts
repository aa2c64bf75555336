import { and, asc, count, eq, gt } from "drizzle-orm";
import { normaliseText } from "../../lib/domain/text";
import type { RegisterQuery } from "../../lib/validation/register-query";
import { whereFor } from "../queries/register";
import { regionsWithin } from "../territory";
import { areas, regions, risks, units } from "../schema";
import type { Snapshot } from "../store";
import { pauseBetweenChunks, type Cell, type ColumnKind, type ExportColumn, type ExportSource } from "./source";

/**
 * The register as it stands, as an export source (CSV or XLSX), with the register page's own filters (db/queries/register.ts),
 * streamed like the history: from a snapshot of its own, keyed chunks, yields between.
 * The columns are the import's: codes for machines, names for people, headed in the export's
 * language (the import reads either language's headings, and the keys), so an export can be
 * edited in Excel and imported again. Text goes out as the import reads it back (lib/domain/text).
 */
export const REGISTER_COLUMNS = [
  "code",
  "title",
  "description",
  "area",
  "region",
  "colour",
  "status",
  "responsible_unit",
  "responsible_person",
  "next_review_date",
  "ack_pending",
  "method",
  "updated_at",
  // The codes the import goes by: last, so the printed sheet (the columns for people) stays readable.
  "area_code",
  "region_code",
  "responsible_unit_code",
  "co_unit_codes",
] as const;
const CODES = new Set<RegisterColumn>(["area_code", "region_code", "responsible_unit_code", "co_unit_codes"]);
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

const KIND: Partial<Record<RegisterColumn, ColumnKind>> = { next_review_date: "date", updated_at: "datetime" };
const WRAP = new Set<RegisterColumn>(["title", "description"]);

export type RegisterWords = {
  headers: Record<RegisterColumn, string>;
  name: (row: { nameZh: string; nameEn: string }) => string;
  colour: (c: string) => string;
  status: (s: string) => string;
  method: (m: string) => string;
  yesNo: (b: boolean) => string;
};

export async function registerSource(
  db: Snapshot,
  query: RegisterQuery,
  meta: { filter: string; today: string; words: RegisterWords },
  { chunk = 1_000, pause = pauseBetweenChunks }: { chunk?: number; pause?: () => Promise<void> } = {},
): Promise<ExportSource> {
  const where = whereFor(query, meta.today, await regionsWithin(db, query.region, query.own));
  const w = meta.words;
  const unitCodes = new Map(
    (await db.select({ id: units.id, code: units.code }).from(units)).map((u) => [u.id, u.code]),
  );
  const [{ n: total }] = await db.select({ n: count() }).from(risks).where(where);
  const columns: ExportColumn[] = REGISTER_COLUMNS.map((key) => ({
    key,
    header: w.headers[key],
    kind: KIND[key] ?? "text",
    wrap: WRAP.has(key),
    colour: key === "colour",
    raw: CODES.has(key),
  }));
  async function* chunks(): AsyncGenerator<Cell[][]> {
    let last = 0;
    for (;;) {
      const rows = await db
        .select({
          risk: risks,
          areaCode: areas.code,
          areaZh: areas.nameZh,
          areaEn: areas.nameEn,
          regionCode: regions.code,
          regionZh: regions.nameZh,
          regionEn: regions.nameEn,
          unitCode: units.code,
          unitZh: units.nameZh,
          unitEn: units.nameEn,
        })
        .from(risks)
        .innerJoin(areas, eq(areas.id, risks.areaId))
        .innerJoin(regions, eq(regions.id, risks.regionId))
        .innerJoin(units, eq(units.id, risks.responsibleUnitId))
        .where(and(where, gt(risks.id, last)))
        .orderBy(asc(risks.id))
        .limit(chunk);
      if (rows.length) {
        yield rows.map((r) => {
          const k = r.risk;
          return [
            k.code,
            normaliseText(k.title),
            normaliseText(k.description),
            w.name({ nameZh: r.areaZh, nameEn: r.areaEn }),
            w.name({ nameZh: r.regionZh, nameEn: r.regionEn }),
            w.colour(k.colour),
            w.status(k.status),
            w.name({ nameZh: r.unitZh, nameEn: r.unitEn }),
            normaliseText(k.responsiblePerson),
            k.nextReviewDate,
            w.yesNo(k.ackPending),
            w.method(String((k.assessment as { method?: string } | null)?.method ?? "direct")),
            k.updatedAt.getTime(),
            r.areaCode,
            r.regionCode,
            r.unitCode,
            k.coUnitIds.map((id) => unitCodes.get(id) ?? String(id)).join(";"),
          ];
        });
      }
      if (rows.length < chunk) return;
      last = rows[rows.length - 1].risk.id;
      await pause();
    }
  }
  return {
    kind: "register",
    scope: meta.filter ? "partial" : "full",
    total,
    columns,
    csvHeader: "header",
    chunks: chunks(),
  };
}
