import "server-only";
import type { Board } from "../../lib/domain/board";
import type { TrendFilter, TrendPoint } from "../../lib/domain/trend";
import type { Db } from "../client";
import { boardAsOf } from "./as-of";
import { weeklyTrend } from "./trend";

/**
 * The history's boards for the app, on the app's `Db`: the board as it stood at an instant, and
 * the weekly trend. The replay code under them reads the driver's handle directly (it walks a
 * million events in keyed chunks); that stays inside db/.
 */
export function boardAt(db: Db, atMs: number, nowMs = Date.now()): Board {
  return boardAsOf(db.$client, atMs, nowMs);
}

export function trendOf(
  db: Db,
  p: { weeks: number; filter?: TrendFilter; timeZone: string; present?: Board; nowMs?: number },
): TrendPoint[] {
  return weeklyTrend(db.$client, p);
}
