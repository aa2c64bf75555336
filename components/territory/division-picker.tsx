"use client";

import { useEffect, useId, useRef, useState } from "react";

export type PickedDivision = { id: number; label: string };

/**
 * Finds a division among thousands by name or code (typeahead): the text goes to /api/divisions,
 * the matches show as a list below (arrow keys and Enter, or a click), and the chosen division's id
 * is what the form sends, under `name`. An ARIA 1.2 combobox: the input owns the list, the active
 * option is announced. `purpose="edit"` offers only the divisions the user may register risks in.
 */
export function DivisionPicker({
  name,
  initial,
  purpose,
  words,
  invalid,
  required,
  id,
  onChoose,
}: {
  name: string;
  initial?: PickedDivision | null;
  purpose: "edit" | "read" | "active";
  words: { placeholder: string; noMatch: string; searching: string };
  invalid?: boolean;
  required?: boolean;
  id?: string;
  onChoose?: (d: PickedDivision) => void;
}) {
  const listId = useId();
  const [picked, setPicked] = useState<PickedDivision | null>(initial ?? null);
  const [text, setText] = useState(initial?.label ?? "");
  const [found, setFound] = useState<PickedDivision[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    if (!open || text.trim() === "" || text === picked?.label) return;
    const ask = ++asked.current;
    const search = async () => {
      setBusy(true);
      try {
        const res = await fetch(`/api/divisions?${new URLSearchParams({ q: text, for: purpose })}`, {
          cache: "no-store",
        });
        const body = res.ok ? ((await res.json()) as { divisions: PickedDivision[] }) : { divisions: [] };
        if (ask === asked.current) {
          setFound(body.divisions.map((d) => ({ id: d.id, label: d.label })));
          setActive(body.divisions.length ? 0 : -1);
        }
      } finally {
        if (ask === asked.current) setBusy(false);
      }
    };
    const timer = window.setTimeout(() => void search(), 150);
    return () => window.clearTimeout(timer);
  }, [text, open, purpose, picked?.label]);

  const choose = (d: PickedDivision) => {
    setOpen(false);
    setFound([]);
    if (onChoose) {
      onChoose(d);
      setText("");
      return;
    }
    setPicked(d);
    setText(d.label);
  };
  const expanded = open && text.trim() !== "" && text !== picked?.label;
  return (
    <div className="relative">
      {onChoose ? null : <input type="hidden" name={name} value={picked?.id ?? ""} />}
      <input
        id={id}
        name={`${name}Text`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        required={required}
        autoComplete="off"
        value={text}
        placeholder={words.placeholder}
        className="w-full rounded border border-neutral-400 px-3 py-2 text-base"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (picked && e.target.value !== picked.label) setPicked(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (!expanded) return;
          if (e.key === "ArrowDown") setActive((a) => Math.min(found.length - 1, a + 1));
          else if (e.key === "ArrowUp") setActive((a) => Math.max(0, a - 1));
          else if (e.key === "Enter" && active >= 0 && found[active]) choose(found[active]);
          else if (e.key === "Escape") setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {expanded ? (
        <ul
          id={listId}
          role="listbox"
          className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-neutral-300 bg-white shadow-lg"
        >
          {found.map((d, i) => (
            <li
              key={d.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-3 py-2 text-base ${i === active ? "bg-blue-100" : ""}`}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(d);
              }}
            >
              {d.label}
            </li>
          ))}
          {found.length === 0 ? (
            <li role="option" aria-disabled="true" aria-selected={false} className="px-3 py-2 text-neutral-600">
              {busy ? words.searching : words.noMatch}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
