import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "../store";
import { meetingCorrections, meetingDecisions, meetingRisks, meetingTasks, meetings, units } from "../schema";
import { appendEvent } from "./events";
import { bump, openMeeting, type MeetingWrite, type Who } from "./meetings";

// What a meeting records while it is open (each addition moves its version: ./meetings.ts), and
// the corrections a closed record takes.

export function addDiscussedRisk(
  db: Db,
  p: Who & { meetingId: number; riskId: number; note: string },
): Promise<MeetingWrite> {
  return db.write(async (tx) => {
    const open = await openMeeting(tx, p.meetingId);
    if (typeof open === "string") return { ok: false as const, error: open };
    if (
      (
        await tx
          .select({ id: meetingRisks.riskId })
          .from(meetingRisks)
          .where(and(eq(meetingRisks.meetingId, p.meetingId), eq(meetingRisks.riskId, p.riskId)))
          .limit(1)
      )[0]
    ) {
      return { ok: false as const, error: "duplicate" as const };
    }
    await tx.insert(meetingRisks).values({ meetingId: p.meetingId, riskId: p.riskId, note: p.note });
    await bump(tx, p.meetingId, open.version);
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "meeting.risk",
      riskId: p.riskId,
      newValue: { meetingId: p.meetingId, note: p.note },
      data: { meetingId: p.meetingId },
    });
    return { ok: true as const };
  });
}

export function addDecision(
  db: Db,
  p: Who & { meetingId: number; riskId: number | null; leader: string; text: string },
): Promise<MeetingWrite> {
  return db.write(async (tx) => {
    const open = await openMeeting(tx, p.meetingId);
    if (typeof open === "string") return { ok: false as const, error: open };
    const { id } = (
      await tx
        .insert(meetingDecisions)
        .values({ meetingId: p.meetingId, riskId: p.riskId, leader: p.leader, text: p.text })
        .returning({ id: meetingDecisions.id })
    )[0];
    await bump(tx, p.meetingId, open.version);
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "meeting.decision",
      riskId: p.riskId ?? undefined,
      newValue: { meetingId: p.meetingId, leader: p.leader, text: p.text },
      data: { meetingId: p.meetingId, decisionId: id },
    });
    return { ok: true as const, id };
  });
}

export function addTask(
  db: Db,
  p: Who & { meetingId: number; unitId: number; riskId: number | null; title: string; dueDate: string },
): Promise<MeetingWrite> {
  return db.write(async (tx) => {
    const open = await openMeeting(tx, p.meetingId);
    if (typeof open === "string") return { ok: false as const, error: open };
    if (
      !(
        await tx
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.id, p.unitId), eq(units.active, true)))
          .limit(1)
      )[0]
    )
      return { ok: false as const, error: "unknownUnit" as const };
    const { id } = (
      await tx
        .insert(meetingTasks)
        .values({ meetingId: p.meetingId, unitId: p.unitId, riskId: p.riskId, title: p.title, dueDate: p.dueDate })
        .returning({ id: meetingTasks.id })
    )[0];
    await bump(tx, p.meetingId, open.version);
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "meeting.task",
      riskId: p.riskId ?? undefined,
      newValue: { meetingId: p.meetingId, unitId: p.unitId, title: p.title, dueDate: p.dueDate },
      data: { meetingId: p.meetingId, taskId: id },
    });
    return { ok: true as const, id };
  });
}

/**
 * Closes a meeting: stores the board as it stood at the meeting's time (computed by the caller from
 * the history) and locks the record. Only from the version the closer saw, so nothing added
 * meanwhile is closed unseen.
 */
export function addCorrection(db: Db, p: Who & { meetingId: number; text: string }): Promise<MeetingWrite> {
  return db.write(async (tx) => {
    const m = (
      await tx.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, p.meetingId)).limit(1)
    )[0];
    if (!m) return { ok: false as const, error: "notFound" as const };
    const { seq } = await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "meeting.correction",
      newValue: { text: p.text },
      data: { meetingId: p.meetingId },
    });
    const { id } = (
      await tx
        .insert(meetingCorrections)
        .values({ meetingId: p.meetingId, text: p.text, createdAt: p.now, createdByName: p.actor.name, eventSeq: seq })
        .returning({ id: meetingCorrections.id })
    )[0];
    return { ok: true as const, id };
  });
}
