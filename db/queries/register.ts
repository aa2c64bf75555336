import "server-only";
import { and, asc, count, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { OPEN_STATUSES, SEVERITY } from "@/lib/domain/colours";
import { charLength, ftsPhrase, isBigramTerm, likeContains, queryTerms, TRIGRAM_MIN_LENGTH } from "@/lib/domain/search";
import { PAGE_SIZE, type RegisterQuery } from "@/lib/validation/register-query";
import { DIALECT } from "../dialect";
import type { Db } from "../store";
import { divisionLabel } from "@/lib/domain/territory";
import { loadTerritory, regionsWithin } from "./territory";
import { areas, regions, risks, units } from "../schema";

/**
 * One condition per search term (all must match). SQLite: the FTS5 trigram index for ≥ 3
 * characters, the bigram index for two letters or hanzi, an escaped LIKE for anything shorter or
 * odder. PostgreSQL (drizzle/pg 0001): pg_trgm on the risk's text for ≥ 3 characters, its array of
 * character pairs for two, ILIKE otherwise — the same rule, so the same risks match on both stores.
 */
function searchConditions(q: string | undefined): SQL[] {
  if (!q) return [];
  return queryTerms(q).map((term) => {
    const long = charLength(term) >= TRIGRAM_MIN_LENGTH;
    const pair = !long && isBigramTerm(term);
    if (DIALECT === "pg") {
      if (long) return sql`"risks"."search_text" ILIKE ${likeContains(term)} ESCAPE '\\'`;
      if (pair) return sql`"risks"."search_bigrams" @> ARRAY[${term.toLowerCase()}]::text[]`;
      return or(
        sql`${risks.title} ILIKE ${likeContains(term)} ESCAPE '\\'`,
        sql`${risks.description} ILIKE ${likeContains(term)} ESCAPE '\\'`,
      ) as SQL;
    }
    if (long) return sql`${risks.id} IN (SELECT rowid FROM risk_search WHERE risk_search MATCH ${ftsPhrase(term)})`;
    if (pair)
      return sql`${risks.id} IN (SELECT rowid FROM risk_bigrams WHERE risk_bigrams MATCH ${ftsPhrase(term.toLowerCase())})`;
    return or(
      sql`${risks.title} LIKE ${likeContains(term)} ESCAPE '\\'`,
      sql`${risks.description} LIKE ${likeContains(term)} ESCAPE '\\'`,
    ) as SQL;
  });
}

/** The register's conditions; `within` is the region filter with the divisions below it (regionsWithin). */
export function whereFor(query: RegisterQuery, today: string, within?: number[]): SQL | undefined {
  const conditions: Array<SQL | undefined> = [
    query.kind ? sql`${risks.areaId} IN (SELECT id FROM areas WHERE kind = ${query.kind})` : undefined,
    query.area?.length ? inArray(risks.areaId, query.area) : undefined,
    within?.length ? inArray(risks.regionId, within) : undefined,
    // Filter on severity (generated 1:1 from colour) because it sits in the area/region/unit/severity
    // indexes: "region + colour" then counts and pages from the index alone.
    query.colour?.length
      ? inArray(
          risks.severity,
          query.colour.map((c) => SEVERITY[c]),
        )
      : undefined,
    query.status ? eq(risks.status, query.status) : undefined,
    query.unit ? eq(risks.responsibleUnitId, query.unit) : undefined,
    query.overdue ? and(inArray(risks.status, [...OPEN_STATUSES]), lt(risks.nextReviewDate, today)) : undefined,
    query.ack ? eq(risks.ackPending, true) : undefined,
    query.open ? inArray(risks.status, [...OPEN_STATUSES]) : undefined,
    query.ml ? eq(risks.matrixL, query.ml) : undefined,
    query.ms ? eq(risks.matrixS, query.ms) : undefined,
    ...searchConditions(query.q),
  ];
  return and(...conditions);
}

/**
 * ORDER BY for each sort, written to match an index so SQLite walks the index instead of sorting.
 * With a colour filter every row has the same severity, so severity is left out of the order.
 */
function orderFor(query: RegisterQuery) {
  switch (query.sort) {
    case "updated":
      return [desc(risks.updatedAt), desc(risks.id)];
    case "nextReview":
      return [asc(risks.nextReviewDate), desc(risks.severity), asc(risks.id)];
    default:
      return query.colour?.length === 1
        ? [desc(risks.updatedAt), desc(risks.id)]
        : [desc(risks.severity), desc(risks.updatedAt), desc(risks.id)];
  }
}

/**
 * One page of the register and the total matching. `today` (city time zone) decides "overdue".
 * Names come in both languages so the page can show either without a second query.
 */
export async function listRegisterPage(
  db: Db,
  { query, today, pageSize = PAGE_SIZE }: { query: RegisterQuery; today: string; pageSize?: number },
) {
  const where = whereFor(query, today, await regionsWithin(db, query.region, query.own));
  const total = (await db.select({ n: count() }).from(risks).where(where).limit(1))[0]?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pages);
  const order = orderFor(query);
  // Deferred join: pick the page's ids from the risks table alone (index-only where possible),
  // then join names for those rows only — OFFSET and sorting never pay for joins they discard.
  const pageIds = db
    .select({ id: risks.id })
    .from(risks)
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const rows = await db
    .select({
      id: risks.id,
      code: risks.code,
      title: risks.title,
      colour: risks.colour,
      ackPending: risks.ackPending,
      status: risks.status,
      responsiblePerson: risks.responsiblePerson,
      nextReviewDate: risks.nextReviewDate,
      updatedAt: risks.updatedAt,
      areaZh: areas.nameZh,
      areaEn: areas.nameEn,
      regionId: risks.regionId,
      regionZh: regions.nameZh,
      regionEn: regions.nameEn,
      unitZh: units.nameZh,
      unitEn: units.nameEn,
    })
    .from(risks)
    .innerJoin(areas, eq(areas.id, risks.areaId))
    .innerJoin(regions, eq(regions.id, risks.regionId))
    .innerJoin(units, eq(units.id, risks.responsibleUnitId))
    .where(inArray(risks.id, pageIds))
    .orderBy(...order);
  // A division below the county is shown with its path (神木市 › 示例镇三): its name alone may repeat.
  const territory = await loadTerritory(db);
  const withPath = rows.map((r) => {
    const id = r.regionId;
    return {
      ...r,
      regionZh: divisionLabel(territory, id, (d) => d.nameZh) || r.regionZh,
      regionEn: divisionLabel(territory, id, (d) => d.nameEn) || r.regionEn,
    };
  });
  return { rows: withPath, total, page, pages, pageSize };
}

export type RegisterRow = Awaited<ReturnType<typeof listRegisterPage>>["rows"][number];
