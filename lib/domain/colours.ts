/**
 * The four colours of 四色 grading and the risk lifecycle.
 * Severity order (docs/domain.md): red > orange > yellow > blue.
 */
export const COLOURS = ["red", "orange", "yellow", "blue"] as const;
export type Colour = (typeof COLOURS)[number];

/** Severity rank: red 4 … blue 1. Mirrors the generated `risks.severity` column. */
export const SEVERITY: Record<Colour, number> = { red: 4, orange: 3, yellow: 2, blue: 1 };

export function isColour(value: unknown): value is Colour {
  return (COLOURS as readonly unknown[]).includes(value);
}

/** Most severe first; used wherever colours are listed (legends, filters, boards). */
export function compareSeverityDesc(a: Colour, b: Colour): number {
  return SEVERITY[b] - SEVERITY[a];
}

/**
 * Screen colours chosen near docs/domain.md's suggestions so that each label's text colour meets
 * WCAG AA (4.5:1) — orange and yellow carry dark text, red and blue carry white text.
 * app/globals.css declares the same backgrounds as --color-risk-* (a unit test keeps them equal);
 * the dark text is Tailwind's neutral-900 (#171717).
 */
export const COLOUR_SWATCH: Record<Colour, { background: string; text: string }> = {
  red: { background: "#C62828", text: "#FFFFFF" },
  orange: { background: "#F08A24", text: "#171717" },
  yellow: { background: "#F2C200", text: "#171717" },
  blue: { background: "#2F64C8", text: "#FFFFFF" },
};

/** Lifecycle: 识别 → 管控中 → 已化解 → 已销号 (reopen allowed). */
export const RISK_STATUSES = ["identified", "controlling", "resolved", "closed"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** Open risks are the ones still being managed: they count on the board and have reviews due. */
export const OPEN_STATUSES: readonly RiskStatus[] = ["identified", "controlling"];

export function isOpenStatus(status: RiskStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
