import "server-only";
import { eq } from "drizzle-orm";
import type { CellSummary } from "@/lib/domain/trend";
import type { MeetingType } from "@/lib/domain/meetings";
import { changedHeaderFields, meetingWriteRefusal, taskCompletionRefusal } from "@/lib/domain/meeting-workflow";
import type { Db } from "../store";
import { meetingTasks, meetings } from "../schema";
import { appendEvent, type Actor, type Tx } from "./events";

export type Who = { actor: Actor & { id: number }; now: Date };
export type MeetingHeader = {
  type: MeetingType;
  title: string;
  heldAt: Date;
  chair: string;
  attendees: string[];
  notes: string;
};
export type MeetingWrite =
  { ok: true; id?: number } | { ok: false; error: "notFound" | "closed" | "conflict" | "duplicate" | "unknownUnit" };

/**
 * The meeting, when the rules let this write go ahead (lib/domain/meeting-workflow.ts), read inside
 * the write's transaction; otherwise the refusal. `expectedVersion` for edits and the close.
 */
export async function openMeeting(
  tx: Tx,
  id: number,
  expectedVersion?: number,
): Promise<{ version: number } | "notFound" | "closed" | "conflict"> {
  const m = (
    await tx
      .select({ status: meetings.status, version: meetings.version })
      .from(meetings)
      .where(eq(meetings.id, id))
      .limit(1)
  )[0];
  return meetingWriteRefusal(m, expectedVersion) ?? { version: m!.version };
}

/** Every addition moves the meeting's version, so a close made from an older view is refused. */
export const bump = async (tx: Tx, id: number, version: number) =>
  await tx
    .update(meetings)
    .set({ version: version + 1 })
    .where(eq(meetings.id, id));

export function createMeeting(db: Db, p: MeetingHeader & Who): Promise<{ id: number }> {
  return db.write(async (tx) => {
    const { id } = (
      await tx
        .insert(meetings)
        .values({ ...p, createdBy: p.actor.id, createdAt: p.now })
        .returning({ id: meetings.id })
    )[0];
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "meeting.create",
      newValue: {
        id,
        type: p.type,
        title: p.title,
        heldAt: p.heldAt.getTime(),
        chair: p.chair,
        attendees: p.attendees,
      },
      data: { meetingId: id },
    });
    return { id };
  });
}

/** Edits an open meeting's header, from the version the form was loaded at; each changed field is an event. */
export function updateMeeting(
  db: Db,
  p: MeetingHeader & Who & { id: number; expectedVersion: number },
): Promise<MeetingWrite> {
  return db.write(async (tx) => {
    const before = (await tx.select().from(meetings).where(eq(meetings.id, p.id)).limit(1))[0];
    const refused = meetingWriteRefusal(before, p.expectedVersion);
    if (refused) return { ok: false as const, error: refused };
    const changed = changedHeaderFields(before!, p);
    if (changed.length === 0) return { ok: true as const };
    await tx
      .update(meetings)
      .set({
        type: p.type,
        title: p.title,
        heldAt: p.heldAt,
        chair: p.chair,
        attendees: p.attendees,
        notes: p.notes,
        version: before!.version + 1,
      })
      .where(eq(meetings.id, p.id));
    for (const c of changed)
      await appendEvent(tx, { at: p.now, actor: p.actor, action: "meeting.update", ...c, data: { meetingId: p.id } });
    return { ok: true as const };
  });
}

export function closeMeeting(
  db: Db,
  p: Who & { id: number; expectedVersion: number; snapshot: CellSummary[] },
): Promise<MeetingWrite> {
  return db.write(async (tx) => {
    const open = await openMeeting(tx, p.id, p.expectedVersion);
    if (typeof open === "string") return { ok: false as const, error: open };
    await tx
      .update(meetings)
      .set({
        status: "closed",
        snapshot: JSON.stringify(p.snapshot),
        closedAt: p.now,
        closedBy: p.actor.name,
        version: open.version + 1,
      })
      .where(eq(meetings.id, p.id));
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "meeting.close",
      data: { meetingId: p.id, snapshotCells: p.snapshot.length },
    });
    return { ok: true as const };
  });
}

/** A correction to a closed record: a new linked entry and event; the record itself stays as closed. */
export type TaskDone = { ok: true } | { ok: false; error: "notFound" | "notYourUnit" | "alreadyDone" };

/** The responsible unit marks a follow-up task done, with what was done; once done it stays done. */
export function completeTask(db: Db, p: Who & { taskId: number; note: string; unitIds: number[] }): Promise<TaskDone> {
  return db.write(async (tx) => {
    const task = (
      await tx
        .select({
          unitId: meetingTasks.unitId,
          status: meetingTasks.status,
          meetingId: meetingTasks.meetingId,
          riskId: meetingTasks.riskId,
        })
        .from(meetingTasks)
        .where(eq(meetingTasks.id, p.taskId))
        .limit(1)
    )[0];
    const refused = taskCompletionRefusal(task, p.unitIds);
    if (refused || !task) return { ok: false as const, error: refused ?? "notFound" };
    await tx
      .update(meetingTasks)
      .set({ status: "done", doneAt: p.now, doneBy: p.actor.name, doneNote: p.note })
      .where(eq(meetingTasks.id, p.taskId));
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "task.done",
      riskId: task.riskId ?? undefined,
      field: "status",
      oldValue: "open",
      newValue: "done",
      reason: p.note,
      data: { meetingId: task.meetingId, taskId: p.taskId, unitId: task.unitId },
    });
    return { ok: true as const };
  });
}
