import "server-only";
import { and, asc, desc, eq, inArray, lt, lte, ne, sql } from "drizzle-orm";
import type { CellSummary } from "@/lib/domain/trend";
import type { MeetingType } from "@/lib/domain/meetings";
import type { Db } from "../store";
import { meetingCorrections, meetingDecisions, meetingRisks, meetingTasks, meetings, risks, units } from "../schema";

export async function listMeetings(db: Db, { limit = 200 }: { limit?: number } = {}) {
  const openTasks = sql<number>`(SELECT count(*) FROM meeting_tasks t WHERE t.meeting_id = ${meetings.id} AND t.status = 'open')`;
  const allTasks = sql<number>`(SELECT count(*) FROM meeting_tasks t WHERE t.meeting_id = ${meetings.id})`;
  return await db
    .select({
      id: meetings.id,
      type: meetings.type,
      title: meetings.title,
      heldAt: meetings.heldAt,
      chair: meetings.chair,
      status: meetings.status,
      openTasks,
      allTasks,
    })
    .from(meetings)
    .orderBy(desc(meetings.heldAt), desc(meetings.id))
    .limit(limit);
}

/**
 * "Changes since the last meeting": the most recent meeting of a type held at or before a moment
 * (open or closed — a meeting in progress still happened). One row off meetings_type_held_idx.
 */
export async function getLastMeeting(db: Db, p: { type: MeetingType; atOrBefore: Date }) {
  return (
    await db
      .select({ id: meetings.id, type: meetings.type, heldAt: meetings.heldAt, title: meetings.title })
      .from(meetings)
      .where(and(eq(meetings.type, p.type), lte(meetings.heldAt, p.atOrBefore)))
      .orderBy(desc(meetings.heldAt), desc(meetings.id))
      .limit(1)
  )[0];
}

/** When a meeting is held, or undefined for no such meeting. */
export async function getMeetingHeldAt(db: Db, id: number): Promise<Date | undefined> {
  return (await db.select({ heldAt: meetings.heldAt }).from(meetings).where(eq(meetings.id, id)).limit(1))[0]?.heldAt;
}

export type MeetingRecord = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

/** One meeting with everything its page shows: discussed risks, 批示, tasks, corrections, the frozen board. */
export async function getMeeting(db: Db, id: number) {
  const m = (await db.select().from(meetings).where(eq(meetings.id, id)).limit(1))[0];
  if (!m) return undefined;
  const discussed = await db
    .select({
      riskId: meetingRisks.riskId,
      note: meetingRisks.note,
      code: risks.code,
      title: risks.title,
      colour: risks.colour,
      status: risks.status,
    })
    .from(meetingRisks)
    .innerJoin(risks, eq(risks.id, meetingRisks.riskId))
    .where(eq(meetingRisks.meetingId, id))
    .orderBy(asc(risks.code));
  const decisions = await db
    .select({ id: meetingDecisions.id, leader: meetingDecisions.leader, text: meetingDecisions.text, code: risks.code })
    .from(meetingDecisions)
    .leftJoin(risks, eq(risks.id, meetingDecisions.riskId))
    .where(eq(meetingDecisions.meetingId, id))
    .orderBy(asc(meetingDecisions.id));
  const tasks = await listTasks(db, { meetingIds: [id] });
  const corrections = await db
    .select()
    .from(meetingCorrections)
    .where(eq(meetingCorrections.meetingId, id))
    .orderBy(asc(meetingCorrections.id));
  const snapshot = m.snapshot ? (JSON.parse(m.snapshot) as CellSummary[]) : null;
  return { ...m, snapshot, discussed, decisions, tasks, corrections };
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

/** Follow-up tasks with their unit, risk and meeting, due soonest first. */
export async function listTasks(
  db: Db,
  p: {
    meetingIds?: number[];
    unitIds?: number[];
    status?: "open" | "done";
    heldBefore?: Date;
    excludeMeetingId?: number;
    limit?: number;
  },
) {
  const where = [];
  if (p.meetingIds) where.push(inArray(meetingTasks.meetingId, p.meetingIds.length ? p.meetingIds : [-1]));
  if (p.unitIds) where.push(inArray(meetingTasks.unitId, p.unitIds.length ? p.unitIds : [-1]));
  if (p.status) where.push(eq(meetingTasks.status, p.status));
  if (p.heldBefore) where.push(lt(meetings.heldAt, p.heldBefore));
  if (p.excludeMeetingId) where.push(ne(meetingTasks.meetingId, p.excludeMeetingId));
  return await db
    .select({
      id: meetingTasks.id,
      title: meetingTasks.title,
      dueDate: meetingTasks.dueDate,
      status: meetingTasks.status,
      doneAt: meetingTasks.doneAt,
      doneBy: meetingTasks.doneBy,
      doneNote: meetingTasks.doneNote,
      unitId: meetingTasks.unitId,
      unitZh: units.nameZh,
      unitEn: units.nameEn,
      riskCode: risks.code,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingType: meetings.type,
      meetingHeldAt: meetings.heldAt,
    })
    .from(meetingTasks)
    .innerJoin(meetings, eq(meetings.id, meetingTasks.meetingId))
    .innerJoin(units, eq(units.id, meetingTasks.unitId))
    .leftJoin(risks, eq(risks.id, meetingTasks.riskId))
    .where(and(...where))
    .orderBy(asc(meetingTasks.status), asc(meetingTasks.dueDate), asc(meetingTasks.id))
    .limit(p.limit ?? 1000);
}
