import { cellKey, zeroCounts, type Board, type Counts, type RiskState } from "./board";
import { COLOURS, isOpenStatus } from "./colours";

/**
 * The weekly trend's rules. The board at a week's end is summarised per cell — [areaId, regionId,
 * red, orange, yellow, blue] — so that one stored summary answers the trend for the city, any area
 * or any region; the counts follow the board's rule (open risks only, per colour).
 */
export type CellSummary = [areaId: number, regionId: number, red: number, orange: number, yellow: number, blue: number];
/**
 * One area, one division, or both. `regionIds`, when given, is the division with everything below
 * it (lib/domain/territory.ts: a county's trend counts its towns and villages); else `regionId` alone.
 */
export type TrendFilter = { areaId?: number; regionId?: number; regionIds?: ReadonlySet<number> };
export type TrendPoint = { day: string; counts: Counts };

/** Open risks per cell and colour, in a stable order (area, region). */
export function summariseCells(states: Iterable<RiskState>): CellSummary[] {
  const cells = new Map<string, CellSummary>();
  for (const s of states) {
    if (!isOpenStatus(s.status)) continue;
    const key = `${s.areaId}:${s.regionId}`;
    const cell = cells.get(key) ?? [s.areaId, s.regionId, 0, 0, 0, 0];
    cell[2 + COLOURS.indexOf(s.colour)] += 1;
    cells.set(key, cell);
  }
  return [...cells.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The counts per colour of the cells that the filter keeps (no filter: the whole city). */
export function sumCells(cells: Iterable<CellSummary>, filter: TrendFilter = {}): Counts {
  const out = zeroCounts();
  for (const [areaId, regionId, ...n] of cells) {
    if (filter.areaId !== undefined && areaId !== filter.areaId) continue;
    if (
      filter.regionIds ? !filter.regionIds.has(regionId) : filter.regionId !== undefined && regionId !== filter.regionId
    )
      continue;
    COLOURS.forEach((c, i) => (out[c] += n[i]));
  }
  return out;
}

/** The same sum read off a board the caller already has: its totals, an area's or region's row, or one cell. */
export function boardCounts(board: Board, filter: TrendFilter = {}): Counts {
  if (filter.regionIds) return sumCells(cellsOfBoard(board), filter);
  const { areaId, regionId } = filter;
  const counts =
    areaId !== undefined && regionId !== undefined
      ? board.cells.get(cellKey(areaId, regionId))?.counts
      : areaId !== undefined
        ? board.byArea.get(areaId)
        : regionId !== undefined
          ? board.byRegion.get(regionId)
          : board.totals;
  return { ...zeroCounts(), ...counts };
}

/** A board (e.g. the present one) as cell summaries, the form stored for weeks and meeting snapshots. */
export function cellsOfBoard(board: Board): CellSummary[] {
  const out: CellSummary[] = [];
  for (const [key, cell] of board.cells) {
    const [areaId, regionId] = key.split(":").map(Number);
    out.push([areaId, regionId, cell.counts.red, cell.counts.orange, cell.counts.yellow, cell.counts.blue]);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
