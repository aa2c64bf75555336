import { canEditMeeting } from "./meetings";

/**
 * The meeting record's rules as pure decisions, for the data layer to apply inside each write's one
 * transaction (db/mutations/meetings.ts). An open record takes additions, and each moves its
 * version; an edit or a close is taken only from the version the user saw, so nothing added
 * meanwhile is overwritten or closed unseen; a closed record is locked.
 */
export type MeetingRefusal = "notFound" | "closed" | "conflict";

/** Why a write to this meeting is refused, or null when it may go ahead. */
export function meetingWriteRefusal(
  m: { status: "open" | "closed"; version: number } | undefined,
  expectedVersion?: number,
): MeetingRefusal | null {
  if (!m) return "notFound";
  if (!canEditMeeting(m)) return "closed";
  if (expectedVersion !== undefined && m.version !== expectedVersion) return "conflict";
  return null;
}

export const MEETING_HEADER_FIELDS = ["type", "title", "heldAt", "chair", "attendees", "notes"] as const;
type HeaderField = (typeof MEETING_HEADER_FIELDS)[number];

/** The header fields an edit changes, each with its stored old and new value (times as milliseconds). */
export function changedHeaderFields(
  before: Record<HeaderField, unknown>,
  after: Record<HeaderField, unknown>,
): Array<{ field: HeaderField; oldValue: unknown; newValue: unknown }> {
  const value = (v: unknown) => (v instanceof Date ? v.getTime() : v);
  return MEETING_HEADER_FIELDS.filter((f) => JSON.stringify(value(before[f])) !== JSON.stringify(value(after[f]))).map(
    (field) => ({ field, oldValue: value(before[field]), newValue: value(after[field]) }),
  );
}

/** Only the responsible unit closes its task, and a done task stays done. */
export function taskCompletionRefusal(
  task: { unitId: number; status: "open" | "done" } | undefined,
  unitIds: readonly number[],
): "notFound" | "notYourUnit" | "alreadyDone" | null {
  if (!task) return "notFound";
  if (!unitIds.includes(task.unitId)) return "notYourUnit";
  if (task.status === "done") return "alreadyDone";
  return null;
}
