import { scaleBand, scaleLinear } from "d3-scale";

/**
 * Hazards found and closed per day (a week, a month) or per month (a quarter, a year), as paired
 * bars drawn on the server as SVG (d3-scale for the bands and the axis' ticks, as the board's
 * trend). Found is solid, closed is outlined and hatched, so the chart reads in greyscale print; the
 * page's tables carry the numbers as text, and each bar's title gives its bucket and count.
 */
export function StatsChart({
  labels,
  found,
  closed,
  words,
}: {
  labels: string[];
  found: number[];
  closed: number[];
  words: { title: string; found: string; closed: string };
}) {
  const [w, h] = [960, 320];
  const m = { top: 36, right: 16, bottom: 34, left: 44 };
  const x = scaleBand<number>()
    .domain(labels.map((_, i) => i))
    .range([m.left, w - m.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const max = Math.max(1, ...found, ...closed);
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([h - m.bottom, m.top]);
  const bar = x.bandwidth() / 2;
  // At most about sixteen labels under the axis: a month's thirty-one days show every other one or so.
  const every = Math.max(1, Math.ceil(labels.length / 16));
  return (
    // On a phone the chart keeps a readable size and scrolls sideways rather than shrinking its words.
    <figure className="overflow-x-auto">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={words.title} className="h-auto w-full min-w-[640px]">
        <defs>
          <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke="#166534" strokeWidth="2" />
          </pattern>
        </defs>
        {y.ticks(5).map((t) => (
          <g key={t}>
            <line x1={m.left} x2={w - m.right} y1={y(t)} y2={y(t)} stroke="#e5e5e5" />
            <text x={m.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize="13" fill="#404040">
              {t}
            </text>
          </g>
        ))}
        {labels.map((label, i) => (
          <g key={i}>
            <rect x={x(i)} y={y(found[i])} width={bar} height={y(0) - y(found[i])} fill="#1e3a8a">
              <title>{`${label} ${words.found} ${found[i]}`}</title>
            </rect>
            <rect
              x={(x(i) ?? 0) + bar}
              y={y(closed[i])}
              width={bar}
              height={y(0) - y(closed[i])}
              fill="url(#hatch)"
              stroke="#166534"
              strokeWidth="1.5"
            >
              <title>{`${label} ${words.closed} ${closed[i]}`}</title>
            </rect>
            {i % every === 0 ? (
              <text x={(x(i) ?? 0) + bar} y={h - m.bottom + 18} textAnchor="middle" fontSize="13" fill="#262626">
                {label}
              </text>
            ) : null}
          </g>
        ))}
        <line x1={m.left} x2={w - m.right} y1={y(0)} y2={y(0)} stroke="#404040" />
        <g transform={`translate(${m.left}, 14)`} fontSize="14">
          <rect width="14" height="14" fill="#1e3a8a" />
          <text x="20" y="12">
            {words.found}
          </text>
          <rect x="110" width="14" height="14" fill="url(#hatch)" stroke="#166534" strokeWidth="1.5" />
          <text x="130" y="12">
            {words.closed}
          </text>
        </g>
      </svg>
    </figure>
  );
}
