import { replay, type RiskState } from "../../lib/domain/board";
import { addDays, dayInZone, mondayOf, monthStartsBetween, startOfDayInZone } from "../../lib/domain/dates";
import { summariseCells } from "../../lib/domain/trend";
import { sql } from "drizzle-orm";
import { rawRows, rawValue } from "../raw";
import type { Db } from "../store";
import { BOARD_ACTIONS, boardEvent, latestCheckpoint, storeDerived } from "./as-of";
import { encodeStates, statesOf } from "./packed";

/**
 * What the history views derive from the history — the monthly checkpoints (every risk's state at
 * the start of each month, board_checkpoints) and each past week's board per cell (board_weeks) —
 * made ahead of need, in the background, in one forward walk over the history. The views make them
 * on first need too (db/history/as-of.ts, trend.ts), but on a history of a million events that
 * first need would cost seconds in someone's request (a fresh database, a restored backup, an
 * import of years of history). Here the walk goes in batches (yielding between them when asked),
 * and the server runs it on a thread of its own (db/history/derive-worker.ts), so it keeps
 * answering while it runs.
 *
 * Safe alongside the views and other instances: rows are only ever added (INSERT OR IGNORE), and a
 * boundary is only derived once it lies a minute in the past (app events are stamped with the
 * current time, so none can still arrive before it).
 */
const BATCH = 5_000;
const SETTLE_MS = 60_000;
type Row = [seq: number, at: number, riskId: number, action: string, field: string | null, newValue: string | null];

export type DeriveResult = { checkpoints: number; weeks: number; events: number };

export async function deriveHistory(
  db: Db,
  p: { timeZone: string; nowMs?: number; pause?: () => Promise<void> },
): Promise<DeriveResult> {
  const nowMs = p.nowMs ?? Date.now();
  const limit = nowMs - SETTLE_MS;
  const first = await rawValue<number | null>(db, sql`SELECT min(at) FROM risk_events`);
  if (first === null || first === undefined) return { checkpoints: 0, weeks: 0, events: 0 };

  const haveMonths = new Set((await rawRows<[number]>(db, sql`SELECT at FROM board_checkpoints`)).map((r) => r[0]));
  const haveWeeks = new Set((await rawRows<[number]>(db, sql`SELECT at FROM board_weeks`)).map((r) => r[0]));
  const months = monthStartsBetween(first - 1, limit, p.timeZone).filter((at) => !haveMonths.has(at));
  const weeks = weekStartsBetween(first - 1, limit, p.timeZone).filter((at) => !haveWeeks.has(at));
  const boundaries = [...new Set([...months, ...weeks])].sort((a, b) => a - b);
  if (boundaries.length === 0) return { checkpoints: 0, weeks: 0, events: 0 };
  const monthSet = new Set(months);
  const weekSet = new Set(weeks);

  // Start from the last checkpoint before the first missing boundary (or from nothing).
  const start = await latestCheckpoint(db, boundaries[0], { before: true });
  const states = start ? statesOf(start.packed) : new Map<number, RiskState>();
  // A checkpoint holds every event up to and including its instant: go on after all of them (the
  // largest sequence number either store's column holds).
  let cursor = start ? { at: start.at, seq: 2_147_483_647 } : { at: Number.MIN_SAFE_INTEGER, seq: 0 };
  // The plain lower bound `at >= c.at` is what lets PostgreSQL start the index scan at the cursor:
  // with only the OR it scanned from the first event on every batch (quadratic over a history).
  const batch = (c: { at: number; seq: number }, upto: number) =>
    rawRows<Row>(
      db,
      sql`SELECT seq, at, risk_id, action, field, new_value FROM risk_events
        WHERE at >= ${c.at} AND (at > ${c.at} OR seq > ${c.seq}) AND at <= ${upto} AND risk_id IS NOT NULL
          AND action IN ${sql.raw(BOARD_ACTIONS)}
        ORDER BY at, seq LIMIT ${BATCH}`,
    );
  const out: DeriveResult = { checkpoints: 0, weeks: 0, events: 0 };

  for (const boundary of boundaries) {
    // Every board event up to and including the boundary's instant, a batch at a time.
    for (;;) {
      const rows = await batch(cursor, boundary);
      replay(
        states,
        rows.flatMap(([, , riskId, action, field, value]) => boardEvent(riskId, action, field, value) ?? []),
      );
      out.events += rows.length;
      if (rows.length > 0) cursor = { at: rows[rows.length - 1][1], seq: rows[rows.length - 1][0] };
      if (p.pause) await p.pause();
      if (rows.length < BATCH) break;
    }
    if (monthSet.has(boundary))
      out.checkpoints += await storeDerived(db, "board_checkpoints", boundary, encodeStates(states.values()));
    if (weekSet.has(boundary))
      out.weeks += await storeDerived(db, "board_weeks", boundary, JSON.stringify(summariseCells(states.values())));
  }
  return out;
}

/** Monday 00:00 (in `timeZone`) of every week starting after `fromMs` and at or before `toMs`. */
export function weekStartsBetween(fromMs: number, toMs: number, timeZone: string): number[] {
  const out: number[] = [];
  for (let day = mondayOf(dayInZone(new Date(Math.max(fromMs, 0)), timeZone)); ; day = addDays(day, 7)) {
    const at = startOfDayInZone(day, timeZone);
    if (at > toMs) return out;
    if (at > fromMs) out.push(at);
  }
}
