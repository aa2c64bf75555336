/** Control measures (管控措施): planned → in progress → done; a measure past its due day and not done is overdue. */
export const MEASURE_STATUSES = ["planned", "in_progress", "done"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export function isMeasureOverdue(m: { status: MeasureStatus; dueDate: string | null }, today: string): boolean {
  return m.status !== "done" && m.dueDate !== null && m.dueDate < today;
}
