"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { boardAt } from "@/db/history/boards";
import { closeMeeting, createMeeting, updateMeeting } from "@/db/mutations/meetings";
import { getMeetingHeldAt } from "@/db/queries/meetings";
import { authorize, deniedState } from "@/lib/auth/guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { instantInZone } from "@/lib/domain/dates";
import { cellsOfBoard } from "@/lib/domain/trend";
import { keysToRuleErrors, type FormState } from "@/lib/validation/form-state";
import { idNumber, isId, readForm } from "@/lib/validation/fields";
import { LIMITS_BY_FIELD, meetingSchema, splitAttendees } from "@/lib/validation/meeting";
import { refusal } from "./result";

const FIELDS = ["type", "title", "day", "time", "chair", "attendees", "notes"] as const;
const versionSchema = idNumber();

function parseHeader(formData: FormData) {
  const values = readForm(formData, FIELDS);
  const parsed = meetingSchema.safeParse(values);
  if (!parsed.success) {
    return {
      ok: false as const,
      state: {
        ok: false,
        message: { key: "form.invalid" },
        fieldErrors: keysToRuleErrors(
          z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
          LIMITS_BY_FIELD,
        ),
        values,
      } satisfies FormState,
    };
  }
  const { type, title, day, time, chair, attendees, notes } = parsed.data;
  const heldAt = new Date(instantInZone(day, time, CITY_TIME_ZONE));
  return { ok: true as const, header: { type, title, heldAt, chair, attendees: splitAttendees(attendees), notes } };
}

/** Records a new meeting (月研判, dispatch or ad hoc) and opens its page. */
export async function createMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("meeting.record");
  if (!auth.ok) return deniedState(auth);
  const parsed = parseHeader(formData);
  if (!parsed.ok) return parsed.state;
  const { id } = await createMeeting(getDb(), { ...parsed.header, actor: auth.actor, now: new Date() });
  revalidatePath("/meetings");
  redirect(`/meetings/${id}`);
}

/** Edits an open meeting's header, from the version the form showed. */
export async function updateMeetingAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("meeting.record");
  if (!auth.ok) return deniedState(auth);
  const version = versionSchema.safeParse(formData.get("version"));
  if (!isId(id) || !version.success) return { ok: false, message: { key: "form.failed" } };
  const parsed = parseHeader(formData);
  if (!parsed.ok) return parsed.state;
  const result = await updateMeeting(getDb(), {
    ...parsed.header,
    id,
    expectedVersion: version.data,
    actor: auth.actor,
    now: new Date(),
  });
  if (!result.ok) return refusal(result);
  revalidatePath(`/meetings/${id}`);
  revalidatePath("/meetings");
  return { ok: true, message: { key: "meetings.saved" } };
}

/**
 * Closes the record: the board as it stood at the meeting's time is read from the history and
 * frozen with it, and from then on the record only takes linked corrections.
 */
export async function closeMeetingAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("meeting.record");
  if (!auth.ok) return deniedState(auth);
  const version = versionSchema.safeParse(formData.get("version"));
  if (!isId(id) || !version.success) return { ok: false, message: { key: "form.failed" } };
  const db = getDb();
  const heldAt = await getMeetingHeldAt(db, id);
  if (!heldAt) return refusal({ ok: false, error: "notFound" });
  const now = new Date();
  if (heldAt.getTime() > now.getTime()) return { ok: false, message: { key: "meetings.refused.notYetHeld" } };
  // Read from the history before the write transaction, which then only stores it.
  const snapshot = cellsOfBoard(await boardAt(db, heldAt.getTime(), { nowMs: now.getTime() }));
  const result = await closeMeeting(db, { id, expectedVersion: version.data, snapshot, actor: auth.actor, now });
  if (!result.ok) return refusal(result);
  revalidatePath(`/meetings/${id}`);
  revalidatePath("/meetings");
  revalidatePath("/board");
  return { ok: true, message: { key: "meetings.closed" } };
}
