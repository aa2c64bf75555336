import { z } from "zod";
import { isIsoDay } from "@/lib/domain/dates";
import { MEETING_TYPES } from "@/lib/domain/meetings";

export const MEETING_LIMITS = { title: 120, chair: 60, attendees: 2000, notes: 4000, text: 1000, note: 500 } as const;
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const text = (max: number, required = true) => {
  const base = z.string({ error: "required" }).trim().max(max, { error: "tooLong" }).refine((s) => !CONTROL_CHARS.test(s.replace(/[\r\n]/g, "")), { error: "invalidCharacters" });
  return required ? base.refine((s) => s.length > 0, { error: "required" }) : base;
};
const day = z.string({ error: "required" }).refine(isIsoDay, { error: "invalidDate" });
const riskCode = z.string().trim().toUpperCase().max(40, { error: "tooLong" });

/** A meeting's header: type, title, when (a day and a time, city zone), chair, attendees (one per line), notes. */
export const meetingSchema = z.object({
  type: z.enum(MEETING_TYPES, { error: "invalidChoice" }),
  title: text(MEETING_LIMITS.title),
  day,
  time: z.string({ error: "required" }).regex(TIME, { error: "invalidTime" }),
  chair: text(MEETING_LIMITS.chair),
  attendees: text(MEETING_LIMITS.attendees, false),
  notes: text(MEETING_LIMITS.notes, false),
});

export const discussedSchema = z.object({ riskCode: riskCode.refine((s) => s.length > 0, { error: "required" }), note: text(MEETING_LIMITS.note, false) });
export const decisionSchema = z.object({ leader: text(MEETING_LIMITS.chair), text: text(MEETING_LIMITS.text), riskCode });
export const taskSchema = z.object({
  task: text(MEETING_LIMITS.text),
  unitId: z.coerce.number({ error: "chooseUnit" }).int({ error: "chooseUnit" }).positive({ error: "chooseUnit" }),
  dueDate: day,
  riskCode,
});
export const correctionSchema = z.object({ text: text(MEETING_LIMITS.text) });
export const taskDoneSchema = z.object({ note: text(MEETING_LIMITS.note) });

/** The values a form posted, as strings, for the schema and for echoing back into the form. */
export function formStrings<K extends string>(formData: FormData, keys: ReadonlyArray<K>): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, typeof formData.get(k) === "string" ? (formData.get(k) as string) : ""])) as Record<K, string>;
}

/** Attendees are written one per line (or separated by 、 , ;); blanks dropped, order kept. */
export function splitAttendees(raw: string): string[] {
  return [...new Set(raw.split(/[\n、,,;;]+/).map((s) => s.trim()).filter(Boolean))];
}

export const LIMITS_BY_FIELD: Record<string, number> = {
  title: MEETING_LIMITS.title, chair: MEETING_LIMITS.chair, attendees: MEETING_LIMITS.attendees, notes: MEETING_LIMITS.notes,
  note: MEETING_LIMITS.note, text: MEETING_LIMITS.text, task: MEETING_LIMITS.text, leader: MEETING_LIMITS.chair, riskCode: 40,
};
