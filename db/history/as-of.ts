import type Database from "better-sqlite3";
import {
  buildBoard,
  replay,
  rollBack,
  type Board,
  type BoardEvent,
  type ReversibleEvent,
  type RiskState,
} from "../../lib/domain/board";
import { COLOURS, RISK_STATUSES } from "../../lib/domain/colours";
import { monthStartsBetween } from "../../lib/domain/dates";
import { memoPerConnection } from "../memo";
import { connectionOf } from "../sqlite/store";
import type { Db } from "../store";

/**
 * Risk states at any past moment, rebuilt from the history (lib/domain/board.ts `replay`), fast
 * enough for a page: monthly checkpoints (table board_checkpoints) hold every risk's state at the
 * start of each month, so a moment needs the nearest checkpoint plus at most a month of events.
 * Checkpoints are made on first need, oldest first, and only for moments safely in the past, so
 * no event can still arrive before them (app writes are stamped with the current time).
 */
export const BOARD_ACTIONS = "('create', 'grade', 'status', 'reopen', 'update')";
type Row = [riskId: number, action: string, field: string | null, newValue: string | null];
export type Packed = [number, number, number, number, number];

export const pack = (s: RiskState): Packed => [
  s.riskId,
  s.areaId,
  s.regionId,
  COLOURS.indexOf(s.colour),
  RISK_STATUSES.indexOf(s.status),
];
export const unpack = ([riskId, areaId, regionId, c, st]: Packed): RiskState => ({
  riskId,
  areaId,
  regionId,
  colour: COLOURS[c],
  status: RISK_STATUSES[st],
});

/** Board events in (after, upto], oldest first, read on `sqlite` as the caller iterates (no awaits while iterating). */
export function* boardEventsBetween(sqlite: Database.Database, afterMs: number, uptoMs: number): Generator<BoardEvent> {
  const rows = sqlite
    .prepare(
      `SELECT risk_id, action, field, new_value FROM risk_events
      WHERE at > ? AND at <= ? AND risk_id IS NOT NULL AND action IN ${BOARD_ACTIONS} ORDER BY at, seq`,
    )
    .raw()
    .iterate(afterMs, uptoMs) as Iterable<Row>;
  for (const [riskId, action, field, value] of rows) {
    const e = boardEvent(riskId, action, field, value);
    if (e) yield e;
  }
}

/** A history row as a board event, or null for an update that does not move the risk (its value is then never parsed). */
export function boardEvent(
  riskId: number,
  action: string,
  field: string | null,
  value: string | null,
): BoardEvent | null {
  if (action === "update" && field !== "areaId" && field !== "regionId") return null;
  return { riskId, action, field, newValue: value === null ? null : JSON.parse(value) };
}

function latestCheckpoint(
  sqlite: Database.Database,
  atOrBefore: number,
): { at: number; states: Map<number, RiskState> } {
  const row = sqlite
    .prepare("SELECT at, states FROM board_checkpoints WHERE at <= ? ORDER BY at DESC LIMIT 1")
    .get(atOrBefore) as { at: number; states: string } | undefined;
  if (!row) return { at: Number.MIN_SAFE_INTEGER, states: new Map() };
  return { at: row.at, states: new Map((JSON.parse(row.states) as Packed[]).map((p) => [p[0], unpack(p)])) };
}

/**
 * Makes the missing monthly checkpoints up to `uptoMs` (never later than a minute ago): replayed
 * on the reader, each stored by a write of its own (a cache of the history, not an event in it).
 */
export async function ensureCheckpoints(db: Db, uptoMs: number, nowMs = Date.now()): Promise<number> {
  const sqlite = connectionOf(db);
  const limit = Math.min(uptoMs, nowMs - 60_000);
  const first = sqlite.prepare("SELECT min(at) AS at FROM risk_events").get() as { at: number | null };
  if (first.at === null) return 0;
  const last = (
    sqlite.prepare("SELECT max(at) AS at FROM board_checkpoints WHERE at <= ?").get(limit) as { at: number | null }
  ).at;
  const missing = monthStartsBetween(Math.max(last ?? Number.MIN_SAFE_INTEGER, first.at - 1), limit);
  if (missing.length === 0) return 0; // the usual case: nothing to build, nothing to load
  const start = latestCheckpoint(sqlite, limit);
  const states = start.states;
  let at = start.at;
  let made = 0;
  for (const boundary of missing) {
    replay(states, boardEventsBetween(sqlite, at, boundary));
    await storeDerived(db, "board_checkpoints", boundary, JSON.stringify([...states.values()].map(pack)));
    at = boundary;
    made += 1;
  }
  return made;
}

/**
 * Stores one derived row (a checkpoint or a week's board) unless it is there already: rows are
 * final once made, so a second maker (another request, the background job) changes nothing.
 */
export function storeDerived(
  db: Db,
  table: "board_checkpoints" | "board_weeks",
  at: number,
  json: string,
): Promise<number> {
  const column = table === "board_checkpoints" ? "states" : "cells";
  return db.write(
    async (tx) =>
      connectionOf(tx)
        .prepare(`INSERT INTO ${table} (at, ${column}) VALUES (?, ?) ON CONFLICT DO NOTHING`)
        .run(at, json).changes,
  );
}

function* eventsNewestFirst(sqlite: Database.Database, afterMs: number): Generator<ReversibleEvent> {
  const rows = sqlite
    .prepare(
      `SELECT risk_id, action, field, new_value, old_value FROM risk_events
      WHERE at > ? AND risk_id IS NOT NULL AND action IN ${BOARD_ACTIONS} ORDER BY at DESC, seq DESC`,
    )
    .raw()
    .iterate(afterMs) as Iterable<[...Row, string | null]>;
  for (const [riskId, action, field, value, old] of rows) {
    if (action === "update" && field !== "areaId" && field !== "regionId") continue;
    yield {
      riskId,
      action,
      field,
      newValue: value === null ? null : JSON.parse(value),
      oldValue: old === null ? null : JSON.parse(old),
    };
  }
}

function presentStates(sqlite: Database.Database): Map<number, RiskState> {
  const rows = sqlite.prepare("SELECT id, area_id, region_id, colour, status FROM risks").raw().all() as Array<
    [number, number, number, RiskState["colour"], RiskState["status"]]
  >;
  return new Map(
    rows.map(([riskId, areaId, regionId, colour, status]) => [riskId, { riskId, areaId, regionId, colour, status }]),
  );
}

/** Events in (after, upto], counting no further than `cap` (enough to choose the shorter walk). */
const countBetween = (sqlite: Database.Database, after: number, upto: number, cap = Number.MAX_SAFE_INTEGER) =>
  (
    sqlite
      .prepare("SELECT count(*) AS n FROM (SELECT 1 FROM risk_events WHERE at > ? AND at <= ? LIMIT ?)")
      .get(after, upto, cap) as { n: number }
  ).n;

/**
 * Every risk's board state at `atMs`, by whichever walk is shorter: forward from the checkpoint
 * before it, or backward from the present (for recent moments, fewer events lie after them).
 */
export async function statesAsOf(db: Db, atMs: number, nowMs = Date.now()): Promise<Map<number, RiskState>> {
  const sqlite = connectionOf(db);
  // Compared before any missing checkpoint is made: on a fresh history (no checkpoints yet) a
  // recent moment is a short walk back from the present, not a walk through the whole history.
  const checkpointAt =
    (sqlite.prepare("SELECT max(at) AS at FROM board_checkpoints WHERE at <= ?").get(atMs) as { at: number | null })
      .at ?? Number.MIN_SAFE_INTEGER;
  const forward = countBetween(sqlite, checkpointAt, atMs);
  if (countBetween(sqlite, atMs, Number.MAX_SAFE_INTEGER, forward) < forward) {
    return rollBack(presentStates(sqlite), eventsNewestFirst(sqlite, atMs));
  }
  await ensureCheckpoints(db, atMs, nowMs);
  const { at, states } = latestCheckpoint(sqlite, atMs);
  return replay(states, boardEventsBetween(sqlite, at, atMs));
}

/**
 * The board at a past moment, remembered: a moment at least a minute old can no longer change (app
 * writes are stamped with the current time), so the boards of recently asked-for moments — a
 * meeting's reference date, the as-of view a leader is paging through — are kept (about 4 MB per
 * database, a few hundred boards) and the history is walked once per moment, not once per request.
 * Shared: do not mutate.
 */
const pastBoards = memoPerConnection<number, Board>({
  maxBytes: 4 * 1024 * 1024,
  // A cell or a row of totals: a key, four counts and their object, about 150 bytes each.
  sizeOf: (b) => 150 * (b.cells.size + b.byArea.size + b.byRegion.size + 1),
});

export async function boardAsOf(db: Db, atMs: number, nowMs = Date.now()): Promise<Board> {
  if (atMs > nowMs - 60_000) return buildBoard((await statesAsOf(db, atMs, nowMs)).values());
  const kept = pastBoards(db);
  const hit = kept.get(atMs);
  if (hit) return hit;
  const board = buildBoard((await statesAsOf(db, atMs, nowMs)).values());
  kept.set(atMs, board);
  return board;
}
