/**
 * "Whose units": a plain GET form choosing the city (every unit) or one county (its bureaus and its
 * towns' offices). Works without JavaScript; `keep` carries the page's other parameters.
 */
export function DivisionFilter({
  label,
  allLabel,
  apply,
  choices,
  value,
  keep,
}: {
  label: string;
  allLabel: string;
  apply: string;
  choices: Array<{ id: number; label: string }>;
  value?: number;
  keep: Record<string, string>;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="flex flex-col gap-1">
        {label}
        <select
          name="region"
          defaultValue={value ?? ""}
          className="rounded border border-neutral-400 bg-white px-2 py-1.5"
        >
          <option value="">{allLabel}</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded border border-neutral-600 bg-white px-3 py-1.5 hover:bg-neutral-100">
        {apply}
      </button>
    </form>
  );
}
