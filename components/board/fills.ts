import type { Colour } from "@/lib/domain/colours";

// Full class names in one place so Tailwind's scanner sees them (STYLE.md habit 4).
// Same pairs as the .chip-* classes in globals.css (contrast-checked in lib/domain/colours.ts), as
// utilities so they can fill tiles and table cells (.chip is inline-flex, which a table cell must not be).
export const FILLED: Record<Colour, string> = {
  red: "bg-risk-red text-white",
  orange: "bg-risk-orange text-neutral-900",
  yellow: "bg-risk-yellow text-neutral-900",
  blue: "bg-risk-blue text-white",
};
