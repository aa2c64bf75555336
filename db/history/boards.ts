import "server-only";
import type { Board } from "../../lib/domain/board";
import type { TrendFilter, TrendPoint } from "../../lib/domain/trend";
import type { Db } from "../store";
import { boardAsOf } from "./as-of";
import { weeklyTrend } from "./trend";

/**
 * The board as it stood at an instant, rebuilt from the history (db/history/as-of.ts): per
 * division, or with `node` rolled up to that division's columns (what a board page shows).
 */
export function boardAt(db: Db, atMs: number, p: { nowMs?: number; node?: number } = {}): Promise<Board> {
  return boardAsOf(db, atMs, p.nowMs ?? Date.now(), p.node);
}

/** Counts per colour at the end of each of the last `weeks` weeks (db/history/trend.ts). */
export function trendOf(
  db: Db,
  p: { weeks: number; filter?: TrendFilter; timeZone: string; present?: Board; nowMs?: number },
): Promise<TrendPoint[]> {
  return weeklyTrend(db, p);
}
