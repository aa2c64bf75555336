import { scaleLinear, scalePoint } from "d3-scale";
import { line, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from "d3-shape";
import { COLOUR_SWATCH, COLOURS, type Colour } from "@/lib/domain/colours";

export type TrendRow = { label: string } & Record<Colour, number>;

/**
 * Counts per colour over the weeks, one line each in the colour's own swatch. Lines rather than
 * stacked areas: the few reds would vanish on top of hundreds of blues. Each line also has its own
 * dash and marker shape, so the chart reads in greyscale print and without colour vision; the table
 * beside it carries the same numbers as text, and each point's title gives its week and count.
 *
 * Drawn on the server as SVG (d3-scale for the axes' nice ticks, d3-shape for the lines and
 * markers; decision 023): the page sends no charting code to the browser, where recharts was
 * 115 kB of gzip JavaScript and more than half of the weekly pages' script. The viewBox scales the
 * chart to its box on a laptop, a projector or in print.
 */
const DASH: Record<Colour, string | undefined> = { red: undefined, orange: "8 4", yellow: "2 3", blue: "12 3 3 3" };
const MARKER: Record<Colour, SymbolType> = {
  red: symbolCircle,
  orange: symbolSquare,
  yellow: symbolTriangle,
  blue: symbolDiamond,
};
/** The chart's drawing size: a wide one for laptops and projectors, a narrow one for phones (each shown by CSS). */
type Frame = {
  w: number;
  h: number;
  m: { top: number; right: number; bottom: number; left: number };
  font: number;
  legend: number;
  labels: number;
};
const WIDE: Frame = {
  w: 960,
  h: 440,
  m: { top: 44, right: 24, bottom: 40, left: 56 },
  font: 14,
  legend: 140,
  labels: 10,
};
const NARROW: Frame = {
  w: 360,
  h: 300,
  m: { top: 40, right: 12, bottom: 34, left: 44 },
  font: 12,
  legend: 86,
  labels: 4,
};

export function TrendChart({ rows, names, label }: { rows: TrendRow[]; names: Record<Colour, string>; label: string }) {
  return (
    <figure role="img" aria-label={label} className="w-full rounded-lg border border-neutral-300 bg-white p-2">
      <Chart rows={rows} names={names} f={WIDE} className="hidden h-auto max-h-[min(60vh,520px)] w-full sm:block" />
      <Chart rows={rows} names={names} f={NARROW} className="h-auto w-full sm:hidden" />
    </figure>
  );
}

function Chart({
  rows,
  names,
  f,
  className,
}: {
  rows: TrendRow[];
  names: Record<Colour, string>;
  f: Frame;
  className: string;
}) {
  const { w: W, h: H, m: M } = f;
  const max = Math.max(1, ...rows.flatMap((r) => COLOURS.map((c) => r[c])));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([H - M.bottom, M.top]);
  const x = scalePoint<number>()
    .domain(rows.map((_, i) => i))
    .range([M.left, W - M.right])
    .padding(0.3);
  const px = (i: number) => x(i) ?? M.left;
  const every = Math.max(1, Math.ceil(rows.length / f.labels));
  const labelled = rows
    .map((_, i) => i)
    .filter((i) => i === 0 || i === rows.length - 1 || (i % every === 0 && rows.length - 1 - i >= every / 2));
  const ticks = y.ticks(6).filter(Number.isInteger);
  const marker = (c: Colour) => symbol(MARKER[c], f.font * 3.4)() ?? "";
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className={`trend-chart ${className}`} fontSize={f.font}>
      <g aria-hidden>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#d4d4d4" strokeDasharray="3 3" />
            <text x={M.left - 6} y={y(t)} dy="0.35em" textAnchor="end" fill="#262626">
              {t}
            </text>
          </g>
        ))}
        {labelled.map((i) => (
          <text key={i} x={px(i)} y={H - M.bottom + f.font + 8} textAnchor="middle" fill="#262626">
            {rows[i].label}
          </text>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#737373" />
      </g>
      {COLOURS.map((c) => (
        <g key={c} data-series={c} className="trend-line">
          <path
            d={
              line<TrendRow>()
                .x((_, i) => px(i))
                .y((r) => y(r[c]))(rows) ?? ""
            }
            fill="none"
            stroke={COLOUR_SWATCH[c].background}
            strokeWidth={f.font / 4.5}
            strokeDasharray={DASH[c]}
          />
          {rows.map((r, i) => (
            <path
              key={i}
              d={marker(c)}
              transform={`translate(${px(i)},${y(r[c])})`}
              fill={COLOUR_SWATCH[c].background}
              stroke="#fff"
              strokeWidth={1}
            >
              <title>{`${r.label} · ${names[c]} ${r[c]}`}</title>
            </path>
          ))}
        </g>
      ))}
      <g aria-hidden transform={`translate(${M.left}, ${f.font + 2})`} fontSize={f.font + 2}>
        {COLOURS.map((c, k) => (
          <g key={c} transform={`translate(${k * f.legend}, 0)`}>
            <line
              x1={0}
              x2={f.font * 2.5}
              y1={0}
              y2={0}
              stroke={COLOUR_SWATCH[c].background}
              strokeWidth={3}
              strokeDasharray={DASH[c]}
            />
            <path d={marker(c)} transform={`translate(${f.font * 1.25},0)`} fill={COLOUR_SWATCH[c].background} />
            <text x={f.font * 2.5 + 6} y={0} dy="0.35em" fill="#262626">
              {names[c]}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
