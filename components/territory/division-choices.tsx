"use client";

import { useState } from "react";
import { DivisionPicker, type PickedDivision } from "./division-picker";

/**
 * Several divisions chosen among thousands (a person's scope): the chosen ones as ticked boxes —
 * untick to drop one, which works without script too — and a picker below to add another.
 */
export function DivisionChoices({
  name,
  legend,
  initial,
  words,
}: {
  name: string;
  legend: string;
  initial: PickedDivision[];
  words: { placeholder: string; noMatch: string; searching: string };
}) {
  const [chosen, setChosen] = useState(initial);
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {chosen.length ? (
        <ul className="flex flex-wrap gap-2">
          {chosen.map((d) => (
            <li key={d.id}>
              <label className="flex items-center gap-2 rounded border border-neutral-300 bg-neutral-50 px-2 py-1 text-sm">
                <input type="checkbox" name={name} value={d.id} defaultChecked className="h-4 w-4" />
                {d.label}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      <DivisionPicker
        name={name}
        purpose="active"
        words={words}
        onChoose={(d) => setChosen((now) => (now.some((x) => x.id === d.id) ? now : [...now, d]))}
      />
    </fieldset>
  );
}
