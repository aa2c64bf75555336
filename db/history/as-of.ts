import { sql } from "drizzle-orm";
import {
  replay,
  rollBack,
  type Board,
  type BoardEvent,
  type ReversibleEvent,
  type RiskState,
} from "../../lib/domain/board";
import { monthStartsBetween } from "../../lib/domain/dates";
import { columnOf } from "../../lib/domain/territory";
import { memoPerConnection } from "../memo";
import { rawRows, rawRun, rawValue } from "../raw";
import type { Db, Reads } from "../store";
import { loadTerritory } from "../territory";
import { decodeStates, encodeStates, findState, packedBoard, statesBoard, statesOf, type ColumnOf } from "./packed";

/**
 * Risk states at any past moment, rebuilt from the history (lib/domain/board.ts `replay`), fast
 * enough for a page: monthly checkpoints (table board_checkpoints, stored as db/history/packed.ts
 * says) hold every risk's state at the start of each month, so a moment needs the nearest
 * checkpoint plus at most a month of events.
 * Checkpoints are made on first need, oldest first, and only for moments safely in the past, so
 * no event can still arrive before them (app writes are stamped with the current time).
 */
export const BOARD_ACTIONS = "('create', 'grade', 'status', 'reopen', 'update')";
type Row = [riskId: number, action: string, field: string | null, newValue: string | null];

const actions = sql.raw(BOARD_ACTIONS);

/** Board events in (after, upto], oldest first. */
export async function boardEventsBetween(r: Reads, afterMs: number, uptoMs: number): Promise<BoardEvent[]> {
  const rows = await rawRows<Row>(
    r,
    sql`SELECT risk_id, action, field, new_value FROM risk_events
      WHERE at > ${afterMs} AND at <= ${uptoMs} AND risk_id IS NOT NULL AND action IN ${actions} ORDER BY at, seq`,
  );
  return rows.flatMap(([riskId, action, field, value]) => boardEvent(riskId, action, field, value) ?? []);
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

export async function latestCheckpoint(
  r: Reads,
  atOrBefore: number,
  { before = false }: { before?: boolean } = {},
): Promise<{ at: number; packed: Int32Array } | null> {
  const [row] = await rawRows<[number, Uint8Array]>(
    r,
    before
      ? sql`SELECT at, states FROM board_checkpoints WHERE at < ${atOrBefore} ORDER BY at DESC LIMIT 1`
      : sql`SELECT at, states FROM board_checkpoints WHERE at <= ${atOrBefore} ORDER BY at DESC LIMIT 1`,
  );
  if (!row) return null;
  return { at: Number(row[0]), packed: decodeStates(row[1]) };
}

const NO_STATES = new Int32Array(0);
const latestOrEmpty = async (r: Reads, atOrBefore: number) =>
  (await latestCheckpoint(r, atOrBefore)) ?? { at: Number.MIN_SAFE_INTEGER, packed: NO_STATES };

/**
 * Makes the missing monthly checkpoints up to `uptoMs` (never later than a minute ago): replayed
 * from reads, each stored by a write of its own (a cache of the history, not an event in it).
 */
export async function ensureCheckpoints(db: Db, uptoMs: number, nowMs = Date.now()): Promise<number> {
  const limit = Math.min(uptoMs, nowMs - 60_000);
  const first = await rawValue<number | null>(db, sql`SELECT min(at) FROM risk_events`);
  if (first === null || first === undefined) return 0;
  const last = await rawValue<number | null>(db, sql`SELECT max(at) FROM board_checkpoints WHERE at <= ${limit}`);
  const missing = monthStartsBetween(Math.max(last ?? Number.MIN_SAFE_INTEGER, first - 1), limit);
  if (missing.length === 0) return 0; // the usual case: nothing to build, nothing to load
  const start = await latestOrEmpty(db, limit);
  const states = statesOf(start.packed);
  let at = start.at;
  let made = 0;
  for (const boundary of missing) {
    replay(states, await boardEventsBetween(db, at, boundary));
    await storeDerived(db, "board_checkpoints", boundary, encodeStates(states.values()));
    at = boundary;
    made += 1;
  }
  return made;
}

/**
 * Stores one derived row (a checkpoint or a week's board) unless it is there already: rows are
 * final once made, so a second maker (another request, the background job, another instance)
 * changes nothing.
 */
export function storeDerived(
  db: Db,
  table: "board_checkpoints" | "board_weeks",
  at: number,
  value: string | Buffer,
): Promise<number> {
  return db.write((tx) =>
    table === "board_checkpoints"
      ? rawRun(tx, sql`INSERT INTO board_checkpoints (at, states) VALUES (${at}, ${value}) ON CONFLICT DO NOTHING`)
      : rawRun(tx, sql`INSERT INTO board_weeks (at, cells) VALUES (${at}, ${value}) ON CONFLICT DO NOTHING`),
  );
}

async function eventsNewestFirst(r: Reads, afterMs: number): Promise<ReversibleEvent[]> {
  const rows = await rawRows<[...Row, string | null]>(
    r,
    sql`SELECT risk_id, action, field, new_value, old_value FROM risk_events
      WHERE at > ${afterMs} AND risk_id IS NOT NULL AND action IN ${actions} ORDER BY at DESC, seq DESC`,
  );
  return rows.flatMap(([riskId, action, field, value, old]) =>
    action === "update" && field !== "areaId" && field !== "regionId"
      ? []
      : [
          {
            riskId,
            action,
            field,
            newValue: value === null ? null : JSON.parse(value),
            oldValue: old === null ? null : JSON.parse(old),
          },
        ],
  );
}

async function presentStates(r: Reads): Promise<Map<number, RiskState>> {
  const rows = await rawRows<[number, number, number, RiskState["colour"], RiskState["status"]]>(
    r,
    sql`SELECT id, area_id, region_id, colour, status FROM risks`,
  );
  return new Map(
    rows.map(([riskId, areaId, regionId, colour, status]) => [riskId, { riskId, areaId, regionId, colour, status }]),
  );
}

/** Events in (after, upto], counting no further than `cap` (enough to choose the shorter walk). */
const countBetween = async (r: Reads, after: number, upto: number, cap = Number.MAX_SAFE_INTEGER) =>
  (await rawValue<number>(
    r,
    sql`SELECT count(*) FROM (SELECT 1 FROM risk_events WHERE at > ${after} AND at <= ${upto} LIMIT ${cap}) AS walked`,
  )) ?? 0;

/**
 * Which walk reaches `atMs` over fewer events: forward from the checkpoint before it, or backward
 * from the present (for recent moments, fewer events lie after them). Compared before any missing
 * checkpoint is made: on a fresh history (no checkpoints yet) a recent moment is a short walk back
 * from the present, not a walk through the whole history.
 */
async function walkBackward(db: Db, atMs: number): Promise<boolean> {
  const checkpointAt =
    (await rawValue<number | null>(db, sql`SELECT max(at) FROM board_checkpoints WHERE at <= ${atMs}`)) ??
    Number.MIN_SAFE_INTEGER;
  const forward = await countBetween(db, checkpointAt, atMs);
  return (await countBetween(db, atMs, Number.MAX_SAFE_INTEGER, forward)) < forward;
}

/** Every risk's board state at `atMs`, walked back from the present. */
const walkedBack = async (db: Db, atMs: number) => rollBack(await presentStates(db), await eventsNewestFirst(db, atMs));

/** Every risk's board state at `atMs`, by the shorter walk. */
export async function statesAsOf(db: Db, atMs: number, nowMs = Date.now()): Promise<Map<number, RiskState>> {
  if (await walkBackward(db, atMs)) return walkedBack(db, atMs);
  await ensureCheckpoints(db, atMs, nowMs);
  const { at, packed } = await latestOrEmpty(db, atMs);
  return replay(statesOf(packed), await boardEventsBetween(db, at, atMs));
}

/**
 * The board at `atMs` counted per area × `column`. Walking forward, only the risks the events after
 * the checkpoint touch become objects (their checkpoint state replayed to the moment); every other
 * risk is counted straight from the checkpoint's typed array — at a million risks that is the
 * difference between a second and a tenth of one.
 */
async function countedAsOf(db: Db, atMs: number, nowMs: number, column: ColumnOf): Promise<Board> {
  if (await walkBackward(db, atMs)) return statesBoard((await walkedBack(db, atMs)).values(), column);
  await ensureCheckpoints(db, atMs, nowMs);
  const { at, packed } = await latestOrEmpty(db, atMs);
  const events = await boardEventsBetween(db, at, atMs);
  const touched = new Map<number, RiskState>();
  for (const e of events) {
    if (e.riskId === null || touched.has(e.riskId)) continue;
    const before = findState(packed, e.riskId);
    if (before) touched.set(e.riskId, before);
  }
  // Replayed from their checkpoint states; a risk created after the checkpoint starts at its "create".
  return packedBoard(packed, replay(touched, events), column);
}

/**
 * The board at a past moment, remembered: a moment at least a minute old can no longer change (app
 * writes are stamped with the current time), so the boards of recently asked-for moments — a
 * meeting's reference date, the as-of view a leader is paging through — are kept (about 4 MB per
 * database) and the history is walked once per moment and division, not once per request. A board
 * rolled up to a division's columns is small (areas × columns) and always fits; the board per
 * division of a province (hundreds of thousands of cells) does not, which is why the pages ask for
 * the rolled-up one. Shared: do not mutate.
 */
const pastBoards = memoPerConnection<string, Board>({
  maxBytes: 4 * 1024 * 1024,
  // A cell or a row of totals: a key, four counts and their object, about 150 bytes each.
  sizeOf: (b) => 150 * (b.cells.size + b.byArea.size + b.byRegion.size + 1),
});

/**
 * The board as it stood at `atMs`: per division where each risk was registered, or — with `node` —
 * rolled up to that division's columns (本级 and its children; risks outside its subtree left out),
 * as `rollUpBoard` in lib/domain/territory.ts does to the present board. Rolled while counting: a
 * division never changes its parent, so the columns of a past moment are today's.
 */
export async function boardAsOf(db: Db, atMs: number, nowMs = Date.now(), node?: number): Promise<Board> {
  let column: ColumnOf = (regionId) => regionId;
  if (node !== undefined) {
    const territory = await loadTerritory(db);
    column = (regionId) => columnOf(territory, node, regionId);
  }
  if (atMs > nowMs - 60_000) return statesBoard((await statesAsOf(db, atMs, nowMs)).values(), column);
  const kept = pastBoards(db);
  const key = `${atMs}:${node ?? "*"}`;
  const hit = kept.get(key);
  if (hit) return hit;
  const board = await countedAsOf(db, atMs, nowMs, column);
  kept.set(key, board);
  return board;
}
