import type { Board, Cell, CellChange } from "@/lib/domain/board";
import { cellKey } from "@/lib/domain/board";
import { COLOURS, type Colour } from "@/lib/domain/colours";

type Labelled = { id: number; label: string };
type Labels = {
  colours: Record<Colour, string>; empty: string; area: string; cellTitle: (area: string, region: string, cell: Cell | undefined) => string;
  /** Words for the change marks, e.g. { up: "升级", … }; the mark itself is ↑ ↓ ＋ ×. */
  changes?: Record<Exclude<CellChange, "same">, string>;
};
const MARK: Record<Exclude<CellChange, "same">, string> = { up: "↑", down: "↓", new: "＋", cleared: "×" };

/**
 * Areas down, regions (city and counties) across. A cell takes the colour of its most severe open
 * risk and always says it in words too — "红 2" — with the other colours' counts beneath, so it
 * reads on a projector and without colour vision. A cell with no open risk is visibly empty (grey,
 * "—"), never blue. Cells and headers link into the register filtered to what they count.
 */
export function AreaRegionBoard({ caption, areas, regions, board, labels, marks }: { caption: string; areas: Labelled[]; regions: Labelled[]; board: Board; labels: Labels; marks?: Map<string, Exclude<CellChange, "same">> }) {
  const link = (params: Record<string, number>) => `/risks?${new URLSearchParams({ ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])), open: "1" })}`;
  return (
    <table className="board-table w-full table-fixed border-separate border-spacing-1 text-base" style={{ ["--rows" as string]: areas.length + 1 }}>
      <caption className="mb-2 text-left text-xl font-semibold">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="w-40 text-left align-bottom text-sm font-medium text-neutral-700">{labels.area}</th>
          {regions.map((r) => (
            <th key={r.id} scope="col" className="align-bottom text-sm font-semibold">
              <a href={link({ region: r.id })} className="hover:underline focus-visible:outline-2">{r.label}</a>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {areas.map((a, row) => (
          <tr key={a.id}>
            <th scope="row" className="truncate pr-1 text-left font-normal">
              <a href={link({ area: a.id })} className="hover:underline focus-visible:outline-2" title={a.label}>{a.label}</a>
            </th>
            {regions.map((r, col) => {
              const cell = board.cells.get(cellKey(a.id, r.id));
              const mark = marks?.get(cellKey(a.id, r.id));
              const others = cell ? COLOURS.filter((c) => c !== cell.top && cell.counts[c] > 0) : [];
              return (
                <td key={r.id} data-testid={`cell-${a.id}-${r.id}`} className="p-0">
                  <a
                    href={link({ area: a.id, region: r.id })}
                    title={labels.cellTitle(a.label, r.label, cell)}
                    data-row={row}
                    data-col={col}
                    className={`board-cell cell-${cell?.top ?? "empty"}`}
                  >
                    {mark ? <span data-mark={mark} className="board-mark" title={labels.changes?.[mark]}>{MARK[mark]}<span className="sr-only">{labels.changes?.[mark]}</span></span> : null}
                    {cell?.top ? (
                      <>
                        <span className="board-cell-main">{`${labels.colours[cell.top]} ${cell.counts[cell.top]}`}</span>
                        {others.length ? <span className="board-cell-sub">{others.map((c) => `${labels.colours[c]}${cell.counts[c]}`).join(" ")}</span> : null}
                      </>
                    ) : (
                      <span aria-label={labels.empty}>—</span>
                    )}
                  </a>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
