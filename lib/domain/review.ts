import type { Colour, RiskStatus } from "./colours";
import { isOpenStatus } from "./colours";
import { addDays } from "./dates";

/**
 * Dynamic management (docs/domain.md): each colour is reviewed at least every N days —
 * red 7, orange 15, yellow 30, blue 90. These are defaults; an admin setting may replace them.
 */
export const DEFAULT_REVIEW_DAYS: Record<Colour, number> = { red: 7, orange: 15, yellow: 30, blue: 90 };

/** The latest allowed next-review day for a risk graded `colour` on `today`. */
export function defaultNextReview(
  colour: Colour,
  today: string,
  cadence: Record<Colour, number> = DEFAULT_REVIEW_DAYS,
): string {
  return addDays(today, cadence[colour]);
}

/** A review is overdue when an open risk's next-review day is before today (the due day itself is not late). */
export function isReviewOverdue(risk: { status: RiskStatus; nextReviewDate: string }, today: string): boolean {
  return isOpenStatus(risk.status) && risk.nextReviewDate < today;
}
