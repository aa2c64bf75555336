import "server-only";
import { sql } from "drizzle-orm";
import type { HazardWeekPlace } from "@/lib/domain/hazards";
import type { Reads } from "../store";
import { rawRows } from "../raw";

export type SupervisedHazard = {
  code: string;
  title: string;
  areaId: number;
  regionId: number;
  level: "county" | "city" | "province";
  unitId: number | null;
  deadline: string | null;
  status: string;
  closedAt: number | null;
};

/**
 * The hazards of a period (the weekly analysis's week, a statistics page's month …), per place
 * (area × division where registered): found in the period, closed (销号) in it, and — as at the week's end (or now, for the week under way) —
 * found so far, closed so far, overdue (its deadline before `overdueBefore`, not closed). One GROUP BY over the hazards found up to the week's end;
 * the major hazards under supervision then are listed by name.
 * `startMs`/`endMs` are the period's first and next-after-last instants in the city's time.
 */
export async function hazardPeriod(
  db: Reads,
  p: { from: string; to: string; startMs: number; endMs: number; overdueBefore: string },
): Promise<{ places: HazardWeekPlace[]; supervised: SupervisedHazard[] }> {
  const rows = await rawRows<[number, number, number, number, number, number, number]>(
    db,
    sql`SELECT area_id, region_id,
        sum(CASE WHEN found_on >= ${p.from} THEN 1 ELSE 0 END),
        sum(CASE WHEN closed_at >= ${p.startMs} AND closed_at < ${p.endMs} THEN 1 ELSE 0 END),
        count(*),
        sum(CASE WHEN closed_at < ${p.endMs} THEN 1 ELSE 0 END),
        sum(CASE WHEN deadline < ${p.overdueBefore} AND (closed_at IS NULL OR closed_at >= ${p.endMs}) THEN 1 ELSE 0 END)
      FROM hazards WHERE found_on <= ${p.to} GROUP BY area_id, region_id`,
  );
  const supervised = await rawRows<
    [string, string, number, number, string, number | null, string | null, string, number | null]
  >(
    db,
    sql`SELECT code, title, area_id, region_id, supervision_level, supervision_unit_id, supervision_deadline, status, closed_at
      FROM hazards
      WHERE grade = 'major' AND supervision_level IS NOT NULL AND found_on <= ${p.to}
        AND (closed_at IS NULL OR closed_at >= ${p.startMs})
      ORDER BY supervision_deadline, code LIMIT 500`,
  );
  return {
    places: rows.map(([areaId, regionId, foundWeek, closedWeek, foundTotal, closedTotal, overdueEnd]) => ({
      areaId: Number(areaId),
      regionId: Number(regionId),
      foundWeek: Number(foundWeek),
      closedWeek: Number(closedWeek),
      foundTotal: Number(foundTotal),
      closedTotal: Number(closedTotal),
      overdueEnd: Number(overdueEnd),
    })),
    supervised: supervised.map(([code, title, areaId, regionId, level, unitId, deadline, status, closedAt]) => ({
      code,
      title,
      areaId: Number(areaId),
      regionId: Number(regionId),
      level: level as SupervisedHazard["level"],
      unitId: unitId === null ? null : Number(unitId),
      deadline,
      status,
      closedAt: closedAt === null ? null : Number(closedAt),
    })),
  };
}

/**
 * Hazards found and closed per city day within a period, for the statistics' chart. A closing's day
 * is its instant shifted by the city's offset from UTC (`offsetMinutes`, fixed for the period: the
 * city's zone keeps no daylight saving time), counted by the database through the closed_at index.
 */
export async function hazardDailyCounts(
  db: Reads,
  p: { from: string; to: string; startMs: number; endMs: number; offsetMinutes: number; within?: number[] },
): Promise<{ found: Map<string, number>; closed: Map<string, number> }> {
  const DAY = 86_400_000;
  const offset = p.offsetMinutes * 60_000;
  const inside = p.within
    ? sql` AND region_id IN (${sql.join(
        p.within.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const found = await rawRows<[string, number]>(
    db,
    sql`SELECT found_on, count(*) FROM hazards WHERE found_on >= ${p.from} AND found_on <= ${p.to}${inside} GROUP BY found_on`,
  );
  const dayNumber =
    db.dialect === "pg" ? sql`floor((closed_at + ${offset}) / ${DAY})` : sql`(closed_at + ${offset}) / ${DAY}`;
  const closed = await rawRows<[number, number]>(
    db,
    sql`SELECT ${dayNumber} AS d, count(*) FROM hazards
      WHERE closed_at >= ${p.startMs} AND closed_at < ${p.endMs}${inside} GROUP BY d`,
  );
  return {
    found: new Map(found.map(([day, n]) => [day, Number(n)])),
    closed: new Map(closed.map(([d, n]) => [new Date(Number(d) * DAY).toISOString().slice(0, 10), Number(n)])),
  };
}
