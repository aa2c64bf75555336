import { COLOURS } from "./colours";
import { boardFromCounts, type Board, type CellCount } from "./board";
import type { CellSummary } from "./trend";

/**
 * Meetings of the city's rhythm: 月研判 (monthly review), the safety-production dispatch meeting
 * (every three days) and ad-hoc meetings. A record is written while open; closing locks it.
 */
export const MEETING_TYPES = ["monthly_review", "dispatch", "ad_hoc"] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const isMeetingType = (v: unknown): v is MeetingType => (MEETING_TYPES as ReadonlyArray<unknown>).includes(v);

/** A closed meeting's record is locked: only corrections (linked entries) and task completion remain. */
export const canEditMeeting = (m: { status: "open" | "closed" }) => m.status === "open";

/** A task is overdue once its due day has passed and it is not done. */
export const isTaskOverdue = (task: { status: "open" | "done"; dueDate: string }, today: string) =>
  task.status === "open" && task.dueDate < today;

/**
 * The board a closed meeting froze, back from its stored cell summaries: the same Board the live
 * board draws, so a meeting's snapshot looks exactly like the board the meeting saw.
 */
export function boardFromSummary(cells: ReadonlyArray<CellSummary>): Board {
  const rows: CellCount[] = [];
  for (const [areaId, regionId, ...n] of cells)
    COLOURS.forEach((colour, i) => n[i] && rows.push({ areaId, regionId, colour, n: n[i] }));
  return boardFromCounts(rows);
}
