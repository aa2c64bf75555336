"use client";

import { cellKey, topColour, type CellChange } from "@/lib/domain/board";
import { COLOURS, type Colour } from "@/lib/domain/colours";

type Labelled = { id: number; label: string };
type Mark = Exclude<CellChange, "same">;
/** [areaId, regionId, red, orange, yellow, blue, change mark]: a cell with open risks or a change. */
export type GridCell = [number, number, number, number, number, number, Mark | null];
export type GridWords = {
  colours: Record<Colour, string>; empty: string; area: string; noOpen: string;
  /** The cell title's message with {area}, {region} and {summary} left in, filled per cell. */
  cellTitle: string;
  /** Words for the change marks, e.g. { up: "升级", … }; the mark itself is ↑ ↓ ＋ ×. */
  changes: Record<Mark, string>;
};
const MARK: Record<Mark, string> = { up: "↑", down: "↓", new: "＋", cleared: "×" };

/**
 * Areas down, regions (city and counties) across. A cell takes the colour of its most severe open
 * risk and always says it in words too — "红 2" — with the other colours' counts beneath, so it
 * reads on a projector and without colour vision. A cell with no open risk is visibly empty (grey,
 * "—"), never blue. Cells and headers link into the register filtered to what they count.
 * The markup per cell is kept lean (no ids, <b>/<small> styled by globals.css): ~450 of them make
 * most of the page, and its bytes are most of the board's rendering cost.
 */
export function BoardGrid({ caption, areas, regions, cells, words }: { caption: string; areas: Labelled[]; regions: Labelled[]; cells: GridCell[]; words: GridWords }) {
  const byKey = new Map(cells.map((c) => [cellKey(c[0], c[1]), c]));
  const link = (params: string) => `/risks?${params}&open=1`;
  const summary = (counts: Record<Colour, number>) => COLOURS.filter((c) => counts[c]).map((c) => `${words.colours[c]} ${counts[c]}`).join(" · ") || words.noOpen;
  // The hover title ("发展方向 · 榆阳区:红 1 · 蓝 2") is written when the pointer first reaches a cell,
  // not into the HTML: ~450 titles were a fifth of the page's bytes, and only a mouse ever shows one.
  // The cell's words and its row and column headers already say the same to keyboards and readers.
  const addTitle = (e: React.PointerEvent<HTMLTableElement>) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>("a[data-row]");
    if (!a || a.title) return;
    const [area, region] = [areas[Number(a.dataset.row)], regions[Number(a.dataset.col)]];
    const cell = byKey.get(cellKey(area.id, region.id));
    const counts = { red: cell?.[2] ?? 0, orange: cell?.[3] ?? 0, yellow: cell?.[4] ?? 0, blue: cell?.[5] ?? 0 };
    a.title = words.cellTitle.replace("{area}", area.label).replace("{region}", region.label).replace("{summary}", summary(counts));
  };
  return (
    <table onPointerOver={addTitle} className="board-table w-full table-fixed border-separate border-spacing-1 text-base" style={{ ["--rows" as string]: areas.length + 1 }}>
      <caption className="mb-2 text-left text-xl font-semibold">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="w-40 text-left align-bottom text-sm font-medium text-neutral-700">{words.area}</th>
          {regions.map((r) => (
            <th key={r.id} scope="col" className="align-bottom text-sm font-semibold">
              <a href={link(`region=${r.id}`)} className="hover:underline focus-visible:outline-2">{r.label}</a>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {areas.map((a, row) => (
          <tr key={a.id}>
            <th scope="row" className="truncate pr-1 text-left font-normal">
              <a href={link(`area=${a.id}`)} className="hover:underline focus-visible:outline-2" title={a.label}>{a.label}</a>
            </th>
            {regions.map((r, col) => {
              const cell = byKey.get(cellKey(a.id, r.id));
              const counts = { red: cell?.[2] ?? 0, orange: cell?.[3] ?? 0, yellow: cell?.[4] ?? 0, blue: cell?.[5] ?? 0 };
              const top = topColour(counts);
              const mark = cell?.[6] ?? null;
              const others = top ? COLOURS.filter((c) => c !== top && counts[c] > 0) : [];
              return (
                <td key={r.id}>
                  <a
                    href={link(`area=${a.id}&region=${r.id}`)}
                    data-row={row}
                    data-col={col}
                    className={`board-cell cell-${top ?? "empty"}`}
                  >
                    {mark ? <span data-mark={mark} className="board-mark" title={words.changes[mark]}>{MARK[mark]}<span className="sr-only">{words.changes[mark]}</span></span> : null}
                    {top ? (
                      <>
                        <b>{`${words.colours[top]} ${counts[top]}`}</b>
                        {others.length ? <small>{others.map((c) => `${words.colours[c]}${counts[c]}`).join(" ")}</small> : null}
                      </>
                    ) : (
                      <span aria-label={words.empty}>—</span>
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
