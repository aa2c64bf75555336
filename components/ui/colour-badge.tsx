import type { Colour } from "@/lib/domain/colours";

// Full class names in one place (STYLE.md habit 4); they are defined in app/globals.css with the
// text colours that lib/domain/colours.ts proves meet WCAG AA on each background.
const CLASSES: Record<Colour, string> = {
  red: "chip chip-red",
  orange: "chip chip-orange",
  yellow: "chip chip-yellow",
  blue: "chip chip-blue",
};

/**
 * A colour chip that always carries the colour's word (红/橙/黄/蓝), never hue alone. The caller
 * passes the translated label, so a table of 50 rows translates each colour once, not per row.
 */
export function ColourBadge({ colour, label, level }: { colour: Colour; label: string; level?: string }) {
  return (
    <span className={CLASSES[colour]}>
      {label}
      {level ? <span className="font-normal">· {level}</span> : null}
    </span>
  );
}
