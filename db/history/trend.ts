import { replay, type Board } from "../../lib/domain/board";
import { addDays, recentWeekStarts, startOfDayInZone } from "../../lib/domain/dates";
import {
  boardCounts,
  summariseCells,
  sumCells,
  type CellSummary,
  type TrendFilter,
  type TrendPoint,
} from "../../lib/domain/trend";
import { sql } from "drizzle-orm";
import { rawRows } from "../raw";
import type { Db } from "../store";
import { boardEventsBetween, statesAsOf, storeDerived } from "./as-of";

/** Week starts that lie less than this in the past may still receive events; they are not stored. */
const SETTLE_MS = 60_000;

/**
 * Counts per colour at the end of each of the last `weeks` weeks (each Monday 00:00 in the city's
 * time zone, labelled by the Sunday it ends), then the present when the caller passes the present
 * board it already has (db/queries/board-snapshot.ts) — for the city or one area/region.
 * Each week's board is summarised per cell once and stored (board_weeks), so later trends read
 * `weeks` small rows; missing weeks are rebuilt from the history in one forward walk.
 */
export async function weeklyTrend(
  db: Db,
  {
    weeks,
    filter = {},
    timeZone,
    present,
    nowMs = Date.now(),
  }: { weeks: number; filter?: TrendFilter; timeZone: string; present?: Board; nowMs?: number },
): Promise<TrendPoint[]> {
  const starts = recentWeekStarts(nowMs, weeks, timeZone).map((day) => ({ day, at: startOfDayInZone(day, timeZone) }));
  const summaries = await weekSummaries(
    db,
    starts.map((s) => s.at),
    nowMs,
  );
  const points = starts.map(({ day, at }) => ({ day: addDays(day, -1), counts: sumCells(summaries.get(at)!, filter) }));
  // Without a present board (a past week's analysis) the trend ends at the last week start.
  return present ? [...points, { day: "now", counts: boardCounts(present, filter) }] : points;
}

/** The board summarised per cell at each of `ats` (week starts), from board_weeks or rebuilt and stored. */
export async function weekSummaries(db: Db, ats: number[], nowMs: number): Promise<Map<number, CellSummary[]>> {
  const stored = await rawRows<[number, string]>(
    db,
    sql`SELECT at, cells FROM board_weeks WHERE at >= ${ats[0]} AND at <= ${ats[ats.length - 1]}`,
  );
  const out = new Map(stored.map(([at, cells]) => [at, JSON.parse(cells) as CellSummary[]]));
  const missing = ats.filter((at) => !out.has(at));
  if (missing.length === 0) return out;
  // One forward walk through the missing weeks: the first from the checkpoints, the rest by replay.
  const states = await statesAsOf(db, missing[0], nowMs);
  let at = missing[0];
  for (const boundary of missing) {
    replay(states, await boardEventsBetween(db, at, boundary));
    at = boundary;
    const cells = summariseCells(states.values());
    out.set(boundary, cells);
    if (boundary <= nowMs - SETTLE_MS) await storeDerived(db, "board_weeks", boundary, JSON.stringify(cells));
  }
  return out;
}
