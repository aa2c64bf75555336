import "server-only";
import { loadTerritory } from "@/db/queries/territory";
import { homeDivision, rollUpBoard } from "@/lib/domain/territory";
import type { Db } from "@/db/client";
import { boardAt } from "@/db/history/boards";
import { getMeeting, listTasks } from "@/db/queries/meetings";
import { listUnits } from "@/db/queries/reference";
import { localName } from "@/i18n/locales";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import { CITY_TIME_ZONE } from "@/lib/config";
import { clockInZone, dayInZone } from "@/lib/domain/dates";
import { boardFromSummary, canEditMeeting } from "@/lib/domain/meetings";
import { loadBoardFrame } from "./board-frame";
import { hazardRegisterView } from "./hazards";
import { isId } from "@/lib/validation/fields";

/**
 * Everything one meeting's page shows, read once: the record, the board at the meeting's time
 * (frozen when closed; from the history while open, or the present before it is held), the tasks
 * carried over from earlier meetings (the agenda), the units a new task can go to, and what this
 * user may do with it. Undefined when there is no such meeting.
 */
export async function loadMeetingView(db: Db, p: { id: number; user: CurrentUser; now: Date; locale: string }) {
  const m = isId(p.id) ? await getMeeting(db, p.id) : undefined;
  if (!m) return undefined;
  const open = canEditMeeting(m);
  // The city's board as the meeting saw it, rolled up to the counties like the live one.
  const territory = await loadTerritory(db);
  const city = homeDivision(territory, []) ?? 0;
  const board = m.snapshot
    ? rollUpBoard(territory, boardFromSummary(m.snapshot), city)
    : await boardAt(db, Math.min(m.heldAt.getTime(), p.now.getTime()), { nowMs: p.now.getTime(), node: city });
  const carried = open ? await listTasks(db, { status: "open", heldBefore: m.heldAt, excludeMeetingId: m.id }) : [];
  const units = (await listUnits(db, { activeOnly: true })).map((u) => ({ id: u.id, label: localName(u, p.locale) }));
  const today = dayInZone(p.now, CITY_TIME_ZONE);
  // On the agenda too: hazards whose rectification is overdue, the longest overdue first.
  const overdue =
    open && can(p.user, "hazard.read")
      ? await hazardRegisterView(db, { query: { overdue: true, sort: "deadline", page: 1 }, today, locale: p.locale })
      : null;
  return {
    meeting: m,
    board,
    carried,
    overdueHazards: overdue,
    units,
    frame: await loadBoardFrame(db, {
      territory,
      node: city,
      counted: new Set(board.byRegion.keys()),
      drill: (id) => `/board?region=${id}`,
    }),
    today,
    open,
    held: m.heldAt.getTime() <= p.now.getTime(),
    heldDay: dayInZone(m.heldAt, CITY_TIME_ZONE),
    heldTime: clockInZone(m.heldAt, CITY_TIME_ZONE),
    /** May record (add items, edit, close): an open meeting and the permission. */
    record: open && can(p.user, "meeting.record"),
    mayCorrect: can(p.user, "meeting.record"),
    /** The units whose tasks this user may mark done. */
    completableUnits: can(p.user, "task.complete") ? p.user.unitIds : [],
  };
}
export type MeetingView = NonNullable<Awaited<ReturnType<typeof loadMeetingView>>>;
