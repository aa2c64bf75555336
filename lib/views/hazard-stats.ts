import "server-only";
import { LRUCache } from "lru-cache";
import type { Db } from "@/db/client";
import { headSeq } from "@/db/history/append";
import { hazardDailyCounts, hazardPeriod, type SupervisedHazard } from "@/db/queries/hazard-period";
import { loadTerritory } from "@/db/queries/territory";
import { CITY_TIME_ZONE } from "@/lib/config";
import { addDays, dayInZone, startOfDayInZone } from "@/lib/domain/dates";
import { groupHazardWeek, rectificationRate, type HazardWeekGroup } from "@/lib/domain/hazards";
import { bucketCounts, periodOf, type Period, type StatPeriod } from "@/lib/domain/hazard-stats";
import { columnOf, homeDivision, subtreeIds } from "@/lib/domain/territory";

export type HazardStats = {
  period: Period;
  /** The division the figures are for (the city, a county …). */
  node: number;
  /** This period: found, closed; as at its end (or now, for the period under way): overdue, to date. */
  totals: Omit<HazardWeekGroup, "id">;
  byRegion: HazardWeekGroup[];
  byArea: HazardWeekGroup[];
  supervised: SupervisedHazard[];
  series: { found: number[]; closed: number[] };
  complete: boolean;
};

// Per process, keyed by the history's head (every hazard step appends to it) and the day: the
// figures are read again only after a change. Bounded: a few hundred periods × divisions.
const memo = new LRUCache<string, Promise<HazardStats>>({ max: 300 });

/**
 * The statistics of hazards for a period and a division: per column of the division's board (the
 * city's counties, a county's towns), per area, the chart's series (found and closed per day or
 * month), the major hazards under supervision. Computed once per change of the history.
 */
export async function hazardStatsView(
  db: Db,
  p: { kind: StatPeriod; day: string; region?: number; now: Date },
): Promise<HazardStats> {
  const territory = await loadTerritory(db);
  const node = p.region !== undefined && territory.byId.has(p.region) ? p.region : (homeDivision(territory, []) ?? 0);
  const today = dayInZone(p.now, CITY_TIME_ZONE);
  const period = periodOf(p.kind, p.day);
  const key = `${await headSeq(db)}|${today}|${p.kind}|${period.from}|${node}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const computed = compute(db, { period, node, today, territory });
  memo.set(key, computed);
  computed.catch(() => memo.delete(key));
  return computed;
}

async function compute(
  db: Db,
  p: { period: Period; node: number; today: string; territory: Awaited<ReturnType<typeof loadTerritory>> },
): Promise<HazardStats> {
  const { period, node, today, territory } = p;
  const startMs = startOfDayInZone(period.from, CITY_TIME_ZONE);
  const complete = period.to < today;
  const endMs = complete ? startOfDayInZone(addDays(period.to, 1), CITY_TIME_ZONE) : Date.now();
  const roots = territory.children.get(null) ?? [];
  const whole = roots.length === 1 && roots[0].id === node;
  const within = whole ? undefined : subtreeIds(territory, node);
  const inside = within ? new Set(within) : undefined;
  const found = await hazardPeriod(db, {
    from: period.from,
    to: period.to,
    startMs,
    endMs,
    overdueBefore: complete ? addDays(period.to, 1) : today,
  });
  const places = inside ? found.places.filter((h) => inside.has(h.regionId)) : found.places;
  const byRegion = groupHazardWeek(places, (h) => columnOf(territory, node, h.regionId));
  const byArea = groupHazardWeek(places, (h) => h.areaId);
  const sum = (f: keyof Omit<HazardWeekGroup, "id" | "rate">) => byArea.reduce((n, g) => n + g[f], 0);
  const totals = {
    foundWeek: sum("foundWeek"),
    closedWeek: sum("closedWeek"),
    overdueEnd: sum("overdueEnd"),
    foundTotal: sum("foundTotal"),
    closedTotal: sum("closedTotal"),
    rate: rectificationRate(sum("foundTotal"), sum("closedTotal")),
  };
  const daily = await hazardDailyCounts(db, {
    from: period.from,
    to: period.to,
    startMs,
    endMs,
    // The city's offset from UTC on the period's first day (no daylight saving time in the city's zone).
    offsetMinutes: (Date.parse(`${period.from}T00:00:00Z`) - startMs) / 60_000,
    within,
  });
  return {
    period,
    node,
    totals,
    byRegion,
    byArea,
    supervised: inside ? found.supervised.filter((h) => inside.has(h.regionId)) : found.supervised,
    series: { found: bucketCounts(period, daily.found), closed: bucketCounts(period, daily.closed) },
    complete,
  };
}
