import "server-only";
import { and, asc, count, eq, gt, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { OPEN_STATUSES, type Colour, type RiskStatus } from "@/lib/domain/colours";
import { subtreeIds } from "@/lib/domain/territory";
import type { Db } from "../store";
import { loadTerritory, regionsWithin } from "./territory";
import { areas, hazards, regions, riskEvents, risks, units, type ApiToken } from "../schema";

/** What a token may see: its areas × its divisions and everything below them (an empty list means all). */
async function scope(db: Db, token: ApiToken): Promise<SQL[]> {
  const within = await regionsWithin(db, token.regionIds);
  return [
    token.areaIds.length ? inArray(risks.areaId, token.areaIds) : undefined,
    within ? inArray(risks.regionId, within) : undefined,
  ].filter((c): c is SQL => !!c);
}

/** A division asked for by its code, with everything below it; `[]` for a code that names none. */
async function divisionByCode(db: Db, code: string): Promise<number[]> {
  const t = await loadTerritory(db);
  const found = [...t.byId.values()].find((d) => d.code === code);
  return found ? subtreeIds(t, found.id) : [];
}

export type ApiRiskFilter = {
  areaCode?: string;
  regionCode?: string;
  colour?: Colour;
  status?: RiskStatus;
  afterId: number;
  limit: number;
};

/** Risks in the token's scope, in id order from a cursor (`after`), with codes and both names. */
export async function apiRisks(db: Db, token: ApiToken, f: ApiRiskFilter) {
  const where = and(
    ...(await scope(db, token)),
    gt(risks.id, f.afterId),
    f.areaCode ? eq(areas.code, f.areaCode) : undefined,
    f.regionCode ? inArray(risks.regionId, await divisionByCode(db, f.regionCode)) : undefined,
    f.colour ? eq(risks.colour, f.colour) : undefined,
    f.status ? eq(risks.status, f.status) : undefined,
  );
  const rows = await db
    .select({
      id: risks.id,
      code: risks.code,
      title: risks.title,
      colour: risks.colour,
      status: risks.status,
      ackPending: risks.ackPending,
      areaCode: areas.code,
      areaZh: areas.nameZh,
      areaEn: areas.nameEn,
      regionCode: regions.code,
      regionZh: regions.nameZh,
      regionEn: regions.nameEn,
      unitCode: units.code,
      unitZh: units.nameZh,
      responsiblePerson: risks.responsiblePerson,
      nextReviewDate: risks.nextReviewDate,
      version: risks.version,
      updatedAt: risks.updatedAt,
    })
    .from(risks)
    .innerJoin(areas, eq(areas.id, risks.areaId))
    .innerJoin(regions, eq(regions.id, risks.regionId))
    .innerJoin(units, eq(units.id, risks.responsibleUnitId))
    .where(where)
    .orderBy(asc(risks.id))
    .limit(f.limit + 1);
  const more = rows.length > f.limit;
  const page = rows.slice(0, f.limit);
  return {
    risks: page.map(({ id: _id, ...r }) => ({ ...r, updatedAt: r.updatedAt.toISOString() })),
    next: more ? page[page.length - 1].id : null,
  };
}

/** The board in the token's scope: open risks per area × region × colour, by codes. */
export async function apiBoard(db: Db, token: ApiToken) {
  const rows = await db
    .select({ areaCode: areas.code, regionCode: regions.code, colour: risks.colour, n: count() })
    .from(risks)
    .innerJoin(areas, eq(areas.id, risks.areaId))
    .innerJoin(regions, eq(regions.id, risks.regionId))
    .where(and(inArray(risks.status, [...OPEN_STATUSES]), ...(await scope(db, token))))
    .groupBy(areas.code, regions.code, risks.colour);
  const totals = { red: 0, orange: 0, yellow: 0, blue: 0 };
  for (const r of rows) totals[r.colour] += r.n;
  return { totals, cells: rows };
}

/**
 * History events after a sequence number, for incremental sync: the events of risks and of hazards
 * in the token's scope (account and security events are not shared), in sequence order, with their
 * hash so the platform can keep the chain; `next` is the last sequence read (pass it as `since`). A
 * hazard's events carry its code (`hazardCode`), found through the id in their data by the same
 * expression the hazards' index is built on.
 */
export async function apiEvents(db: Db, token: ApiToken, { since, limit }: { since: number; limit: number }) {
  const within = await regionsWithin(db, token.regionIds);
  const inScope = (
    areaId: typeof risks.areaId | typeof hazards.areaId,
    regionId: typeof risks.regionId | typeof hazards.regionId,
  ) =>
    and(
      token.areaIds.length ? inArray(areaId, token.areaIds) : undefined,
      within ? inArray(regionId, within) : undefined,
    ) ?? sql`TRUE`;
  const hazardOf =
    db.dialect === "pg"
      ? sql`((${riskEvents.data}::json->>'hazardId')::integer)`
      : sql`json_extract(${riskEvents.data}, '$.hazardId')`;
  const rows = await db
    .select({
      seq: riskEvents.seq,
      at: riskEvents.at,
      riskCode: risks.code,
      hazardCode: hazards.code,
      action: riskEvents.action,
      field: riskEvents.field,
      oldValue: riskEvents.oldValue,
      newValue: riskEvents.newValue,
      reason: riskEvents.reason,
      actorName: riskEvents.actorName,
      hash: riskEvents.hash,
    })
    .from(riskEvents)
    .leftJoin(risks, eq(risks.id, riskEvents.riskId))
    .leftJoin(hazards, and(sql`${riskEvents.action} LIKE 'hazard.%'`, eq(hazards.id, hazardOf)))
    .where(
      and(
        gt(riskEvents.seq, since),
        or(
          and(isNotNull(risks.id), inScope(risks.areaId, risks.regionId)),
          and(isNotNull(hazards.id), inScope(hazards.areaId, hazards.regionId)),
        ),
      ),
    )
    .orderBy(asc(riskEvents.seq))
    .limit(limit);
  return {
    events: rows.map((e) => ({ ...e, at: e.at.toISOString() })),
    next: rows.length ? rows[rows.length - 1].seq : since,
  };
}

export type ApiHazardFilter = {
  areaCode?: string;
  regionCode?: string;
  status?: "found" | "rectifying" | "accepting" | "closed";
  grade?: "general" | "major";
  afterId: number;
  limit: number;
};

/**
 * Hazards in the token's scope (its areas × divisions, as for risks), in id order from a cursor,
 * with where each stands in its loop: codes and both names, the risk it belongs to, rectification,
 * acceptance and supervision. Their steps are in the history (`hazard.*` events).
 */
export async function apiHazards(db: Db, token: ApiToken, f: ApiHazardFilter) {
  const within = await regionsWithin(db, token.regionIds);
  const where = and(
    token.areaIds.length ? inArray(hazards.areaId, token.areaIds) : undefined,
    within ? inArray(hazards.regionId, within) : undefined,
    gt(hazards.id, f.afterId),
    f.areaCode ? eq(areas.code, f.areaCode) : undefined,
    f.regionCode ? inArray(hazards.regionId, await divisionByCode(db, f.regionCode)) : undefined,
    f.status ? eq(hazards.status, f.status) : undefined,
    f.grade ? eq(hazards.grade, f.grade) : undefined,
  );
  const rows = await db
    .select({
      id: hazards.id,
      code: hazards.code,
      title: hazards.title,
      grade: hazards.grade,
      status: hazards.status,
      areaCode: areas.code,
      areaZh: areas.nameZh,
      areaEn: areas.nameEn,
      regionCode: regions.code,
      regionZh: regions.nameZh,
      regionEn: regions.nameEn,
      place: hazards.place,
      foundOn: hazards.foundOn,
      riskCode: risks.code,
      rectifyPerson: hazards.rectifyPerson,
      deadline: hazards.deadline,
      acceptance: hazards.acceptance,
      closedAt: hazards.closedAt,
      supervisionLevel: hazards.supervisionLevel,
      supervisionDeadline: hazards.supervisionDeadline,
      version: hazards.version,
      updatedAt: hazards.updatedAt,
    })
    .from(hazards)
    .innerJoin(areas, eq(areas.id, hazards.areaId))
    .innerJoin(regions, eq(regions.id, hazards.regionId))
    .leftJoin(risks, eq(risks.id, hazards.riskId))
    .where(where)
    .orderBy(asc(hazards.id))
    .limit(f.limit + 1);
  const more = rows.length > f.limit;
  const page = rows.slice(0, f.limit);
  return {
    hazards: page.map(({ id: _id, ...h }) => ({
      ...h,
      closedAt: h.closedAt?.toISOString() ?? null,
      updatedAt: h.updatedAt.toISOString(),
    })),
    next: more ? page[page.length - 1].id : null,
  };
}
