import type { Board, CellChange } from "@/lib/domain/board";
import { cellKey } from "@/lib/domain/board";
import { COLOURS } from "@/lib/domain/colours";
import { BoardGrid, type Column, type GridCell, type GridWords } from "./board-grid";

type Labelled = { id: number; label: string };

/**
 * One group of the board (the 21 categories or the 14 domains) × a division's columns (本级 and the
 * divisions below it: the city's counties, a county's towns …). Hands
 * the grid its counts as compact rows rather than as rendered cells: the page's RSC payload then
 * carries ~10 KB of numbers instead of a second copy of ~450 rendered cells, and the same component
 * renders the HTML on the server and takes over in the browser.
 */
export function AreaRegionBoard({
  caption,
  areas,
  regions,
  board,
  labels,
  marks,
  hazards,
}: {
  caption: string;
  areas: Labelled[];
  regions: Column[];
  board: Board;
  labels: GridWords;
  marks?: Map<string, Exclude<CellChange, "same">>;
  /** Open hazards per cell (the present board, for those who may read hazards): a small count that opens them. */
  hazards?: Map<string, { open: number; overdue: number }>;
}) {
  const cells: GridCell[] = [];
  for (const a of areas) {
    for (const r of regions) {
      const cell = board.cells.get(cellKey(a.id, r.id));
      const mark = marks?.get(cellKey(a.id, r.id));
      const hz = hazards?.get(cellKey(a.id, r.id));
      if (!cell && !mark && !hz) continue;
      const row: GridCell = [
        a.id,
        r.id,
        ...(COLOURS.map((c) => cell?.counts[c] ?? 0) as [number, number, number, number]),
        mark ?? null,
      ];
      // Only cells with open hazards carry their counts: most cells have none, and the grid's payload stays lean.
      if (hz) row.push(hz.open, hz.overdue);
      cells.push(row);
    }
  }
  return <BoardGrid caption={caption} areas={areas} regions={regions} cells={cells} words={labels} />;
}
