import { z } from "zod";
import { CLOCK_TIME } from "@/lib/domain/dates";
import { MEETING_TYPES } from "@/lib/domain/meetings";
import { id, isoDay as day, text as field } from "./fields";

export const MEETING_LIMITS = { title: 120, chair: 60, attendees: 2000, notes: 4000, text: 1000, note: 500 } as const;
const text = (max: number, required = true) => field(max, required);
const riskCode = z.string().trim().toUpperCase().max(40, { error: "tooLong" });

/** A meeting's header: type, title, when (a day and a time, city zone), chair, attendees (one per line), notes. */
export const meetingSchema = z.object({
  type: z.enum(MEETING_TYPES, { error: "invalidChoice" }),
  title: text(MEETING_LIMITS.title),
  day,
  time: z.string({ error: "required" }).regex(CLOCK_TIME, { error: "invalidTime" }),
  chair: text(MEETING_LIMITS.chair),
  attendees: text(MEETING_LIMITS.attendees, false),
  notes: text(MEETING_LIMITS.notes, false),
});

export const discussedSchema = z.object({
  riskCode: riskCode.refine((s) => s.length > 0, { error: "required" }),
  note: text(MEETING_LIMITS.note, false),
});
export const decisionSchema = z.object({
  leader: text(MEETING_LIMITS.chair),
  text: text(MEETING_LIMITS.text),
  riskCode,
});
export const taskSchema = z.object({
  task: text(MEETING_LIMITS.text),
  unitId: id("chooseUnit"),
  dueDate: day,
  riskCode,
});
export const correctionSchema = z.object({ text: text(MEETING_LIMITS.text) });
export const taskDoneSchema = z.object({ note: text(MEETING_LIMITS.note) });

/** Attendees are written one per line (or separated by 、 , ;); blanks dropped, order kept. */
export function splitAttendees(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(/[\n、,,;;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export const LIMITS_BY_FIELD: Record<string, number> = {
  title: MEETING_LIMITS.title,
  chair: MEETING_LIMITS.chair,
  attendees: MEETING_LIMITS.attendees,
  notes: MEETING_LIMITS.notes,
  note: MEETING_LIMITS.note,
  text: MEETING_LIMITS.text,
  task: MEETING_LIMITS.text,
  leader: MEETING_LIMITS.chair,
  riskCode: 40,
};
