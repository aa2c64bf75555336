import type { Colour, RiskStatus } from "./colours";
import { addDays } from "./dates";
import { DEFAULT_REVIEW_DAYS } from "./review";

export type RuleError = { key: string; values?: Record<string, string | number> };

/**
 * Dynamic management: the next review must be today or later, and no later than the colour's
 * cadence allows (red 7 / orange 15 / yellow 30 / blue 90 days by default).
 */
export function checkNextReview(
  colour: Colour,
  nextReviewDate: string,
  today: string,
  cadence: Record<Colour, number> = DEFAULT_REVIEW_DAYS,
): RuleError | null {
  if (nextReviewDate < today) return { key: "reviewInPast" };
  const latest = addDays(today, cadence[colour]);
  if (nextReviewDate > latest) return { key: "reviewTooLate", values: { days: cadence[colour], latest } };
  return null;
}

/** A change of colour or status must say why; other edits may. */
export function reasonRequired(
  before: { colour: Colour; status: RiskStatus },
  after: { colour: Colour; status: RiskStatus },
): boolean {
  return before.colour !== after.colour || before.status !== after.status;
}
