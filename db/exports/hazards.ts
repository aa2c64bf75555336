import { and, asc, count, eq, gt, sql } from "drizzle-orm";
import { normaliseText } from "../../lib/domain/text";
import type { HazardQuery } from "../../lib/validation/hazard";
import { hazardWhere } from "../queries/hazards";
import { regionsWithin } from "../territory";
import { areas, hazards, inspections, regions, risks, units } from "../schema";
import type { Snapshot } from "../store";
import { pauseBetweenChunks, type Cell, type ColumnKind, type ExportColumn, type ExportSource } from "./source";

/**
 * The hazards register as an export (CSV or XLSX), with the register page's filters: every hazard
 * with where it stands in its loop — rectification, acceptance, supervision — names for people and,
 * last, the codes a campaign's import goes by. Streamed like the risks' register: a snapshot of its
 * own, keyed chunks, yields between.
 */
export const HAZARD_COLUMNS = [
  "code",
  "title",
  "description",
  "grade",
  "status",
  "overdue",
  "area",
  "region",
  "place",
  "found_on",
  "found_by",
  "risk_code",
  "inspection_code",
  "rectify_unit",
  "rectify_person",
  "deadline",
  "measures_taken",
  "failed_acceptances",
  "acceptance_type",
  "completed_on",
  "cost_wan",
  "closed_at",
  "supervision_level",
  "supervision_unit",
  "supervision_deadline",
  "attachments",
  "area_code",
  "region_code",
] as const;
export type HazardColumn = (typeof HAZARD_COLUMNS)[number];
const KIND: Partial<Record<HazardColumn, ColumnKind>> = {
  found_on: "date",
  deadline: "date",
  completed_on: "date",
  supervision_deadline: "date",
  closed_at: "datetime",
  failed_acceptances: "number",
  cost_wan: "number",
  attachments: "number",
};
const WRAP = new Set<HazardColumn>(["title", "description", "measures_taken"]);
const CODES = new Set<HazardColumn>(["area_code", "region_code"]);

export type HazardWords = {
  headers: Record<HazardColumn, string>;
  name: (row: { nameZh: string; nameEn: string }) => string;
  grade: (g: string) => string;
  status: (s: string) => string;
  acceptance: (a: string) => string;
  level: (l: string) => string;
  yesNo: (b: boolean) => string;
};

export async function hazardsSource(
  db: Snapshot,
  query: HazardQuery,
  meta: { filter: string; today: string; words: HazardWords },
  { chunk = 1_000, pause = pauseBetweenChunks }: { chunk?: number; pause?: () => Promise<void> } = {},
): Promise<ExportSource> {
  const where = hazardWhere(
    query,
    meta.today,
    await regionsWithin(db, query.region ? [query.region] : undefined, query.own),
  );
  const w = meta.words;
  const unitNames = new Map(
    (await db.select({ id: units.id, nameZh: units.nameZh, nameEn: units.nameEn }).from(units)).map((u) => [
      u.id,
      w.name(u),
    ]),
  );
  const [{ n: total }] = await db.select({ n: count() }).from(hazards).where(where);
  const columns: ExportColumn[] = HAZARD_COLUMNS.map((key) => ({
    key,
    header: w.headers[key],
    kind: KIND[key] ?? "text",
    wrap: WRAP.has(key),
    raw: CODES.has(key),
  }));
  const attachmentsOf = sql<number>`(SELECT count(*) FROM hazard_attachments a WHERE a.hazard_id = ${hazards.id})`;
  async function* chunks(): AsyncGenerator<Cell[][]> {
    let last = 0;
    for (;;) {
      const rows = await db
        .select({
          h: hazards,
          areaCode: areas.code,
          areaZh: areas.nameZh,
          areaEn: areas.nameEn,
          regionCode: regions.code,
          regionZh: regions.nameZh,
          regionEn: regions.nameEn,
          riskCode: risks.code,
          inspectionCode: inspections.code,
          attachments: attachmentsOf,
        })
        .from(hazards)
        .innerJoin(areas, eq(areas.id, hazards.areaId))
        .innerJoin(regions, eq(regions.id, hazards.regionId))
        .leftJoin(risks, eq(risks.id, hazards.riskId))
        .leftJoin(inspections, eq(inspections.id, hazards.inspectionId))
        .where(and(where, gt(hazards.id, last)))
        .orderBy(asc(hazards.id))
        .limit(chunk);
      if (rows.length) {
        yield rows.map((r) => {
          const h = r.h;
          const a = (h.acceptance ?? null) as { type?: string; completedOn?: string; costWan?: number } | null;
          const overdue =
            (h.status === "rectifying" || h.status === "accepting") && !!h.deadline && h.deadline < meta.today;
          return [
            h.code,
            normaliseText(h.title),
            normaliseText(h.description),
            w.grade(h.grade),
            w.status(h.status),
            w.yesNo(overdue),
            w.name({ nameZh: r.areaZh, nameEn: r.areaEn }),
            w.name({ nameZh: r.regionZh, nameEn: r.regionEn }),
            normaliseText(h.place),
            h.foundOn,
            h.foundByName,
            r.riskCode,
            r.inspectionCode,
            h.rectifyUnitId === null ? null : (unitNames.get(h.rectifyUnitId) ?? null),
            h.rectifyPerson,
            h.deadline,
            h.measuresTaken === null ? null : normaliseText(h.measuresTaken),
            h.failedAcceptances,
            a?.type ? w.acceptance(a.type) : null,
            a?.completedOn ?? null,
            a?.costWan ?? null,
            h.closedAt?.getTime() ?? null,
            h.supervisionLevel ? w.level(h.supervisionLevel) : null,
            h.supervisionUnitId === null ? null : (unitNames.get(h.supervisionUnitId) ?? null),
            h.supervisionDeadline,
            Number(r.attachments),
            r.areaCode,
            r.regionCode,
          ];
        });
      }
      if (rows.length < chunk) return;
      last = rows[rows.length - 1].h.id;
      await pause();
    }
  }
  return {
    kind: "hazards",
    scope: meta.filter ? "partial" : "full",
    total,
    columns,
    csvHeader: "header",
    chunks: chunks(),
  };
}
