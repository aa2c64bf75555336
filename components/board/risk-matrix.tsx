import { colourForMatrix, MATRIX_LEVELS, type Thresholds } from "@/lib/domain/grading";
import type { Colour } from "@/lib/domain/colours";
import { FILLED } from "./fills";

const SEVERITIES = [...MATRIX_LEVELS].reverse(); // 1 … 5, left to right

/**
 * The 5 × 5 risk matrix of open risks graded by it: likelihood up the side (5 at the top), severity
 * along the bottom (1 at the left), as docs/domain.md draws it everywhere. Each cell is filled by the same
 * rule the grading form uses (R = L × S against the admin's thresholds), says its colour in words,
 * and links to the register's risks in that cell.
 */
export function RiskMatrix({
  counts,
  thresholds,
  labels,
}: {
  counts: Array<{ likelihood: number; severity: number; n: number }>;
  thresholds: Thresholds;
  labels: {
    caption: string;
    likelihood: string;
    severity: string;
    colours: Record<Colour, string>;
    cellTitle: (l: number, s: number, n: number, colour: string) => string;
  };
}) {
  const n = (l: number, s: number) => counts.find((c) => c.likelihood === l && c.severity === s)?.n ?? 0;
  return (
    <table className="border-separate border-spacing-1 text-base">
      <caption className="mb-2 text-left text-xl font-semibold">{labels.caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="px-2 text-sm font-medium">{`${labels.likelihood} ↓ / ${labels.severity} →`}</th>
          {SEVERITIES.map((s) => (
            <th key={s} scope="col" className="w-28 text-lg font-semibold">{`S ${s}`}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {MATRIX_LEVELS.map((l) => (
          <tr key={l}>
            <th scope="row" className="px-2 text-lg font-semibold">{`L ${l}`}</th>
            {SEVERITIES.map((s) => {
              const colour = colourForMatrix(l * s, thresholds);
              const count = n(l, s);
              return (
                <td key={s} data-testid={`matrix-${l}-${s}`} className="p-0">
                  <a
                    href={`/risks?ml=${l}&ms=${s}&open=1`}
                    title={labels.cellTitle(l, s, count, labels.colours[colour])}
                    className={`flex h-20 flex-col items-center justify-center rounded focus-visible:outline-4 focus-visible:outline-offset-1 focus-visible:outline-neutral-900 ${FILLED[colour]}`}
                  >
                    <span className="text-2xl font-bold tabular-nums">{count}</span>
                    <span className="text-xs">{`${labels.colours[colour]} · R ${l * s}`}</span>
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
