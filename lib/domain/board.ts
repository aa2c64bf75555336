import { COLOURS, isOpenStatus, SEVERITY, type Colour, type RiskStatus } from "./colours";

/**
 * The colour board's rules, as plain values in and out (issue #5 builds the pages on these):
 * - a cell is one area × one region; it counts the **open** risks in it per colour, and its colour
 *   is the most severe of them; a cell with no open risk is empty (null), never blue;
 * - the board of any past moment is the current-state rule applied to the risks as they stood then,
 *   rebuilt by replaying the history (`replay`);
 * - comparing two boards marks each cell up (↑), down (↓), new, cleared or unchanged.
 */
export type RiskState = { riskId: number; areaId: number; regionId: number; colour: Colour; status: RiskStatus };

export type Counts = Record<Colour, number>;
export type Cell = { counts: Counts; top: Colour | null; open: number };
export type Board = {
  cells: Map<string, Cell>;
  totals: Counts;
  byArea: Map<number, Counts>;
  byRegion: Map<number, Counts>;
};

export const cellKey = (areaId: number, regionId: number) => `${areaId}:${regionId}`;
export const zeroCounts = (): Counts => ({ red: 0, orange: 0, yellow: 0, blue: 0 });

/** The most severe colour with a non-zero count, or null when there is none. */
export function topColour(counts: Counts): Colour | null {
  return COLOURS.find((c) => counts[c] > 0) ?? null;
}

/** Open risks counted per area, region and colour: what SQL's GROUP BY gives for the current board. */
export type CellCount = { areaId: number; regionId: number; colour: Colour; n: number };

export function boardFromCounts(rows: Iterable<CellCount>): Board {
  const cells = new Map<string, Cell>();
  const totals = zeroCounts();
  const byArea = new Map<number, Counts>();
  const byRegion = new Map<number, Counts>();
  const bump = (m: Map<number, Counts>, id: number, c: Colour, n: number) => {
    const counts = m.get(id) ?? zeroCounts();
    counts[c] += n;
    m.set(id, counts);
  };
  for (const { areaId, regionId, colour, n } of rows) {
    if (n <= 0) continue;
    const key = cellKey(areaId, regionId);
    const cell = cells.get(key) ?? { counts: zeroCounts(), top: null, open: 0 };
    cell.counts[colour] += n;
    cell.open += n;
    if (cell.top === null || SEVERITY[colour] > SEVERITY[cell.top]) cell.top = colour;
    cells.set(key, cell);
    totals[colour] += n;
    bump(byArea, areaId, colour, n);
    bump(byRegion, regionId, colour, n);
  }
  return { cells, totals, byArea, byRegion };
}

/** The board of a set of risk states (e.g. rebuilt from the history): open risks only. */
export function buildBoard(states: Iterable<RiskState>): Board {
  const open = [...states].filter((s) => isOpenStatus(s.status));
  return boardFromCounts(open.map((s) => ({ areaId: s.areaId, regionId: s.regionId, colour: s.colour, n: 1 })));
}

/** A history event as far as the board cares (values as stored, JSON already parsed). */
export type BoardEvent = { riskId: number | null; action: string; field: string | null; newValue: unknown };

/**
 * Rolls risk states forward through events in sequence order: "create" starts a risk (its new
 * value carries colour, status, area and region), "grade" sets the colour, "status"/"reopen" the
 * status, an "update" of areaId/regionId moves it. Everything else leaves the board as it was.
 * Mutates and returns `states`, so a caller can start from a stored snapshot.
 */
export function replay(states: Map<number, RiskState>, events: Iterable<BoardEvent>): Map<number, RiskState> {
  for (const e of events) {
    if (e.riskId === null) continue;
    if (e.action === "create") {
      const v = e.newValue as Partial<RiskState> | null;
      if (v && v.colour && v.status && typeof v.areaId === "number" && typeof v.regionId === "number") {
        states.set(e.riskId, {
          riskId: e.riskId,
          areaId: v.areaId,
          regionId: v.regionId,
          colour: v.colour,
          status: v.status,
        });
      }
      continue;
    }
    const s = states.get(e.riskId);
    if (s) setBoardField(s, e, e.newValue);
  }
  return states;
}

/**
 * The one place that knows which event moves which board field: "grade" the colour,
 * "status"/"reopen" the status, an "update" of areaId/regionId the place. Forward replay passes the
 * event's new value, the walk backwards its old value.
 */
function setBoardField(s: RiskState, e: BoardEvent, value: unknown): void {
  if (e.field === "colour" && e.action === "grade") s.colour = value as Colour;
  else if (e.field === "status" && (e.action === "status" || e.action === "reopen")) s.status = value as RiskStatus;
  else if (e.action === "update" && e.field === "areaId") s.areaId = Number(value);
  else if (e.action === "update" && e.field === "regionId") s.regionId = Number(value);
}

/** An event with the value it replaced, for walking the history backwards. */
export type ReversibleEvent = BoardEvent & { oldValue: unknown };

/**
 * The inverse of `replay`: walks events newest first from the present states back to the moment
 * before the oldest of them — "grade" restores the old colour, "status"/"reopen" the old status, a
 * move the old place, and "create" removes the risk (it did not exist yet). Cheaper than replaying
 * forward when the moment is recent. Mutates and returns `states`.
 */
export function rollBack(
  states: Map<number, RiskState>,
  newestFirst: Iterable<ReversibleEvent>,
): Map<number, RiskState> {
  for (const e of newestFirst) {
    if (e.riskId === null) continue;
    if (e.action === "create") {
      states.delete(e.riskId);
      continue;
    }
    const s = states.get(e.riskId);
    if (s) setBoardField(s, e, e.oldValue);
  }
  return states;
}

export type CellChange = "up" | "down" | "new" | "cleared" | "same";

/** How a cell moved between two boards: by its top colour, then by appearing or emptying. */
export function compareCell(before: Cell | undefined, after: Cell | undefined): CellChange {
  const [b, a] = [before?.top ?? null, after?.top ?? null];
  if (b === null && a === null) return "same";
  if (b === null) return "new";
  if (a === null) return "cleared";
  return SEVERITY[a] > SEVERITY[b] ? "up" : SEVERITY[a] < SEVERITY[b] ? "down" : "same";
}

/** Every cell that changed between two boards, with its change. */
export function compareBoards(before: Board, after: Board): Map<string, Exclude<CellChange, "same">> {
  const out = new Map<string, Exclude<CellChange, "same">>();
  for (const key of new Set([...before.cells.keys(), ...after.cells.keys()])) {
    const change = compareCell(before.cells.get(key), after.cells.get(key));
    if (change !== "same") out.set(key, change);
  }
  return out;
}
