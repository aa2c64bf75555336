/** Control measures (管控措施): planned → in progress → done; a measure past its due day and not done is overdue. */
export const MEASURE_STATUSES = ["planned", "in_progress", "done"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export function isMeasureOverdue(m: { status: MeasureStatus; dueDate: string | null }, today: string): boolean {
  return m.status !== "done" && m.dueDate !== null && m.dueDate < today;
}

export type MeasureFields = { description: string; owner: string; dueDate: string | null; status: MeasureStatus };
const MEASURE_FIELDS = ["description", "owner", "dueDate", "status"] as const;

/**
 * A change to a control measure: which fields change, each its own history event (the measure's
 * description as it was names it in the history); a measure that is not the risk's, or an edit
 * that changes nothing, is refused.
 */
export function planMeasureUpdate(
  current: MeasureFields | undefined,
  next: MeasureFields,
): { changed: Array<(typeof MEASURE_FIELDS)[number]> } | { error: "measureNotFound" | "noChange" } {
  if (!current) return { error: "measureNotFound" };
  const changed = MEASURE_FIELDS.filter((f) => current[f] !== next[f]);
  return changed.length === 0 ? { error: "noChange" } : { changed };
}
