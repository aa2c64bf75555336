type Choice = { value: string | number; label: string };
export type ChoiceGroup = { label?: string; choices: Choice[] };

/**
 * Several values of one filter in a GET form, without script: a disclosure whose summary says what
 * is chosen ("全部", "榆阳区、神木市", "5 项") and whose panel holds a checkbox per value, grouped.
 * Checkboxes in a closed panel are still part of the form, so the summary never lies about what
 * "应用" will send.
 */
export function MultiChoice({
  name,
  label,
  groups,
  selected,
  words,
}: {
  name: string;
  label: string;
  groups: ChoiceGroup[];
  selected: ReadonlyArray<string | number> | undefined;
  words: { all: string; many: (n: number) => string; separator: string };
}) {
  const chosen = new Set((selected ?? []).map(String));
  const labels = groups
    .flatMap((g) => g.choices)
    .filter((c) => chosen.has(String(c.value)))
    .map((c) => c.label);
  const summary =
    labels.length === 0 ? words.all : labels.length <= 2 ? labels.join(words.separator) : words.many(labels.length);
  const id = `filter-${name}`;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <span id={`${id}-label`}>{label}</span>
      <details className="multi-choice">
        <summary
          aria-labelledby={`${id}-label ${id}-summary`}
          className="flex min-h-9 cursor-pointer list-none items-center justify-between gap-2 rounded border border-neutral-400 bg-white px-2 py-1.5"
        >
          <span id={`${id}-summary`} className="truncate">
            {summary}
          </span>
          <span aria-hidden className="text-neutral-600">
            ▾
          </span>
        </summary>
        {/* Opened in place, pushing what follows down: a panel over the form would hide its buttons. */}
        <fieldset className="mt-1 flex max-h-72 flex-col gap-2 overflow-y-auto rounded border border-neutral-400 bg-white p-2">
          <legend className="sr-only">{label}</legend>
          {groups.map((g, i) => (
            <div
              key={g.label ?? i}
              role={g.label ? "group" : undefined}
              aria-label={g.label}
              className="flex flex-col gap-1"
            >
              {g.label ? <span className="text-xs font-semibold text-neutral-600">{g.label}</span> : null}
              {g.choices.map((c) => (
                <label key={c.value} className="flex min-h-7 items-center gap-2">
                  <input
                    type="checkbox"
                    name={name}
                    value={c.value}
                    defaultChecked={chosen.has(String(c.value))}
                    className="h-4 w-4 shrink-0"
                  />
                  <span>{c.label}</span>
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      </details>
    </div>
  );
}
