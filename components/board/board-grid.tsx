"use client";

import { cellKey, topColour, type CellChange } from "@/lib/domain/board";
import { COLOURS, SEVERITY, type Colour } from "@/lib/domain/colours";

type Labelled = { id: number; label: string };
/**
 * A column: a division's own level (本级, `own`: its cells count only what is registered there) or a
 * division below it, whose heading opens that division's own board (`drill`).
 */
export type Column = Labelled & { own?: boolean; drill?: string };
type Mark = Exclude<CellChange, "same">;
/**
 * [areaId, regionId, red, orange, yellow, blue, change mark, open hazards?, overdue hazards?]: a cell
 * with open risks, a change, or open hazards.
 */
export type GridCell = [number, number, number, number, number, number, Mark | null, number?, number?];
export type GridWords = {
  /** The colours' names (红 / Red), for titles and the phone list. */
  colours: Record<Colour, string>;
  /** What a cell shows (红 / R): short, so a projected cell holds its counts in either language. */
  short: Record<Colour, string>;
  empty: string;
  area: string;
  noOpen: string;
  /** The cell title's message with {area}, {region} and {summary} left in, filled per cell. */
  cellTitle: string;
  /** Words for the change marks, e.g. { up: "升级", … }; the mark itself is ↑ ↓ ＋ ×. */
  changes: Record<Mark, string>;
  /** The phone list's heading for a group with no open risk. */
  none: string;
  /** The hazard count's letter (隐 / H) and its title with {n} and {late} left in. */
  hazard?: { short: string; title: string };
};
const MARK: Record<Mark, string> = { up: "↑", down: "↓", new: "＋", cleared: "×" };
/** A label's width in em, about: a Chinese character is 1em, a Latin letter or digit a little over half. */
export const labelEm = (label: string) =>
  [...label].reduce((n, ch) => n + (/[\u2E80-\uFFFF]/.test(ch) ? 1 : /[A-Z]/.test(ch) ? 0.68 : 0.56), 0);
const counted = (cell: GridCell | undefined) => ({
  red: cell?.[2] ?? 0,
  orange: cell?.[3] ?? 0,
  yellow: cell?.[4] ?? 0,
  blue: cell?.[5] ?? 0,
});

/**
 * Areas down, regions (city and counties) across. A cell takes the colour of its most severe open
 * risk and always says it in words too — "红 2" — with the other colours' counts beside or beneath,
 * so it reads on a projector and without colour vision. A cell with no open risk is visibly empty
 * (grey, "—"), never blue. Cells and headers link into the register filtered to what they count.
 * The markup per cell is kept lean (no ids, <b>/<small> styled by globals.css): ~450 of them make
 * most of the page, and its bytes are most of the board's rendering cost.
 *
 * A phone has no room for 14 columns: there the same cells are a list, most severe first (the
 * table is hidden by CSS below the `sm` width and the list above it), each a link into the register.
 * Its items are styled by globals.css (.phone-cell) rather than by utility strings: the lists were
 * 155 KB of the board's 290 KB of HTML (issue 18).
 */
export function BoardGrid({
  caption,
  areas,
  regions,
  cells,
  words,
}: {
  caption: string;
  areas: Labelled[];
  regions: Column[];
  cells: GridCell[];
  words: GridWords;
}) {
  const own = new Set(regions.filter((r) => r.own).map((r) => r.id));
  const byKey = new Map(cells.map((c) => [cellKey(c[0], c[1]), c]));
  // The register filtered to a cell: a division with everything below it, or only its own level (本级).
  const link = (params: string, regionId?: number) =>
    `/risks?${params}${regionId !== undefined && own.has(regionId) ? "&own=1" : ""}&open=1`;
  const summary = (counts: Record<Colour, number>) =>
    COLOURS.filter((c) => counts[c])
      .map((c) => `${words.colours[c]} ${counts[c]}`)
      .join(" · ") || words.noOpen;
  // The hover title ("发展方向 · 榆阳区:红 1 · 蓝 2") is written when the pointer first reaches a cell,
  // not into the HTML: ~450 titles were a fifth of the page's bytes, and only a mouse ever shows one.
  // The cell's words and its row and column headers already say the same to keyboards and readers.
  const addTitle = (e: React.PointerEvent<HTMLTableElement>) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>("a[data-row]");
    if (!a || a.title) return;
    const [area, region] = [areas[Number(a.dataset.row)], regions[Number(a.dataset.col)]];
    a.title = words.cellTitle
      .replace("{area}", area.label)
      .replace("{region}", region.label)
      .replace("{summary}", summary(counted(byKey.get(cellKey(area.id, region.id)))));
  };
  return (
    <section className="board-group flex flex-col gap-1" aria-label={caption}>
      <table
        onPointerOver={addTitle}
        className="board-table hidden w-full table-fixed border-separate border-spacing-1 text-base sm:table"
        style={{
          ["--rows" as string]: areas.length + 1,
          ["--label-em" as string]: Math.ceil(Math.max(4, ...areas.map((a) => labelEm(a.label))) * 10) / 10,
        }}
      >
        <caption className="mb-1 text-left text-lg font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th
              scope="col"
              className="board-label-head w-40 text-left align-bottom text-sm font-medium text-neutral-700"
            >
              {words.area}
            </th>
            {regions.map((r) => (
              <th key={r.id} scope="col" className="align-bottom text-sm font-semibold">
                <a
                  href={r.drill ?? link(`region=${r.id}`, r.id)}
                  className="board-head-link hover:underline focus-visible:outline-2"
                >
                  {r.label}
                </a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {areas.map((a, row) => (
            <tr key={a.id}>
              <th scope="row" className="truncate pr-1 text-left font-normal">
                <a
                  href={link(`area=${a.id}`)}
                  className="board-head-link hover:underline focus-visible:outline-2"
                  title={a.label}
                >
                  {a.label}
                </a>
              </th>
              {regions.map((r, col) => {
                const cell = byKey.get(cellKey(a.id, r.id));
                const counts = counted(cell);
                const top = topColour(counts);
                const mark = cell?.[6] ?? null;
                const others = top ? COLOURS.filter((c) => c !== top && counts[c] > 0) : [];
                const [hazards, late] = [cell?.[7] ?? 0, cell?.[8] ?? 0];
                return (
                  <td key={r.id}>
                    {hazards && words.hazard ? (
                      // Beside the cell's link, not in it (a link in a link is not allowed): opens the cell's open hazards.
                      <a
                        href={`/hazards?area=${a.id}&region=${r.id}${own.has(r.id) ? "&own=1" : ""}&status=open`}
                        className="board-hazard"
                        data-late={late ? "" : undefined}
                        title={words.hazard.title.replace("{n}", String(hazards)).replace("{late}", String(late))}
                      >
                        {`${words.hazard.short}${hazards}`}
                      </a>
                    ) : null}
                    <a
                      href={link(`area=${a.id}&region=${r.id}`, r.id)}
                      data-row={row}
                      data-col={col}
                      className={`board-cell cell-${top ?? "empty"}`}
                    >
                      {mark ? (
                        <span data-mark={mark} className="board-mark" title={words.changes[mark]}>
                          {MARK[mark]}
                          <span className="sr-only">{words.changes[mark]}</span>
                        </span>
                      ) : null}
                      {top ? (
                        <>
                          <b>{`${words.short[top]} ${counts[top]}`}</b>
                          {others.length ? (
                            <small>{others.map((c) => `${words.short[c]}${counts[c]}`).join(" ")}</small>
                          ) : null}
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
      <PhoneList caption={caption} areas={areas} regions={regions} cells={cells} words={words} link={link} />
    </section>
  );
}

/** The phone's board: the cells with open risks (or a change), most severe first. */
function PhoneList({
  caption,
  areas,
  regions,
  cells,
  words,
  link,
}: {
  caption: string;
  areas: Labelled[];
  regions: Labelled[];
  cells: GridCell[];
  words: GridWords;
  link: (p: string, regionId?: number) => string;
}) {
  const area = new Map(areas.map((a) => [a.id, a.label]));
  const region = new Map(regions.map((r) => [r.id, r.label]));
  // Most severe first: more reds, then more oranges, and so on.
  const score = (c: GridCell) => ((c[2] * 1000 + c[3]) * 1000 + c[4]) * 1000 + c[5];
  const listed = cells
    .filter((c) => area.has(c[0]) && region.has(c[1]) && (c[2] || c[3] || c[4] || c[5]))
    .sort((x, y) => score(y) - score(x));
  return (
    <div className="board-phone sm:hidden">
      <h2 className="mb-1 text-lg font-semibold">{caption}</h2>
      {listed.length === 0 ? <p className="text-sm text-neutral-700">{words.none}</p> : null}
      <ul className="flex flex-col gap-1.5">
        {listed.map((c) => {
          const counts = counted(c);
          const top = topColour(counts)!;
          return (
            <li key={`${c[0]}:${c[1]}`}>
              <a href={link(`area=${c[0]}&region=${c[1]}`, c[1])} className={`phone-cell cell-${top}`}>
                <b>{`${words.colours[top]} ${counts[top]}`}</b>
                <span>
                  {area.get(c[0])} · {region.get(c[1])}
                  {c[6] ? <i>{`${MARK[c[6]]} ${words.changes[c[6]]}`}</i> : null}
                </span>
                <small>
                  {COLOURS.filter((x) => x !== top && counts[x])
                    .sort((x, y) => SEVERITY[y] - SEVERITY[x])
                    .map((x) => `${words.colours[x]}${counts[x]}`)
                    .join(" ")}
                </small>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
