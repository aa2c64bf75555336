"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { COLOUR_SWATCH, COLOURS, type Colour } from "@/lib/domain/colours";

export type TrendRow = { label: string } & Record<Colour, number>;

/**
 * Counts per colour over the weeks, one line each in the colour's own swatch. Lines rather than
 * stacked areas: the few reds would vanish on top of hundreds of blues. Each line also has its own
 * dash and marker shape, so the chart reads in greyscale print and without colour vision; the table
 * beside it carries the same numbers as text.
 */
const DASH: Record<Colour, string | undefined> = { red: undefined, orange: "8 4", yellow: "2 3", blue: "12 3 3 3" };

export function TrendChart({ rows, names, label }: { rows: TrendRow[]; names: Record<Colour, string>; label: string }) {
  return (
    <figure role="img" aria-label={label} className="h-[min(60vh,520px)] w-full rounded-lg border border-neutral-300 bg-white p-2">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 12, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#d4d4d4" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 14, fill: "#262626" }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 14, fill: "#262626" }} width={56} />
          <Tooltip contentStyle={{ fontSize: 14 }} />
          <Legend wrapperStyle={{ fontSize: 16 }} itemSorter={(item) => COLOURS.indexOf(item.dataKey as Colour)} />
          {COLOURS.map((c) => (
            <Line key={c} type="linear" dataKey={c} name={names[c]} stroke={COLOUR_SWATCH[c].background} strokeWidth={3}
              strokeDasharray={DASH[c]} dot={{ r: 3 }} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
