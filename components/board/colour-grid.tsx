import type { Colour } from "@/lib/domain/colours";
import { COLOURS } from "@/lib/domain/colours";

// Full class names in one place so Tailwind's scanner sees them (STYLE.md habit 4).
// Same pairs as the .chip-* classes in globals.css (contrast-checked in lib/domain/colours.ts), as
// utilities so they can fill table cells (.chip is inline-flex, which a table cell must not be).
export const FILLED: Record<Colour, string> = {
  red: "bg-risk-red text-white",
  orange: "bg-risk-orange text-neutral-900",
  yellow: "bg-risk-yellow text-neutral-900",
  blue: "bg-risk-blue text-white",
};

export type GridRow = { id: number; label: string; counts: Record<Colour, number> };

/**
 * Areas down, colours across. A non-zero cell is filled with its colour and still shows the number
 * and the colour word in its header, so it reads on a projector and without colour vision.
 */
export function ColourGrid({ caption, rows, colourLabels, areaLabel, totalLabel }: { caption: string; rows: GridRow[]; colourLabels: Record<Colour, string>; areaLabel: string; totalLabel: string }) {
  return (
    <table className="w-full border-separate border-spacing-1 text-base">
      <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="text-left font-medium">{areaLabel}</th>
          {COLOURS.map((c) => (
            <th key={c} scope="col" className={`w-24 rounded px-2 py-1 text-center font-semibold ${FILLED[c]}`}>{colourLabels[c]}</th>
          ))}
          <th scope="col" className="w-20 font-medium">{totalLabel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row" className="pr-2 text-left font-normal">{r.label}</th>
            {COLOURS.map((c) => (
              <td key={c} data-testid={`cell-${r.id}-${c}`} className={`rounded py-1 text-center text-lg font-bold tabular-nums ${r.counts[c] ? FILLED[c] : "bg-neutral-100 text-neutral-500"}`}>
                {r.counts[c]}
              </td>
            ))}
            <td className="text-center text-lg tabular-nums">{COLOURS.reduce((s, c) => s + r.counts[c], 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
