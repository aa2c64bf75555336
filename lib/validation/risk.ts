import { z } from "zod";
import { COLOURS, RISK_STATUSES } from "@/lib/domain/colours";
import { isIsoDay } from "@/lib/domain/dates";

/**
 * One schema for the risk form, used by the browser (instant feedback) and the server (the check
 * that counts). Messages are catalogue keys under `errors.*`, translated where they are shown.
 */
export const LIMITS = { title: 200, description: 5000, person: 50, measures: 5000, reason: 1000 } as const;

// C0 controls other than tab and newlines never belong in register text (and break exports).
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function text(max: number, required: boolean) {
  const base = z
    .string({ error: "required" })
    .trim()
    .max(max, { error: "tooLong" })
    .refine((s) => !CONTROL_CHARS.test(s), { error: "invalidCharacters" });
  return required ? base.refine((s) => s.length > 0, { error: "required" }) : base;
}

const id = (error: string) =>
  z.coerce.number({ error }).int({ error }).positive({ error }).max(Number.MAX_SAFE_INTEGER, { error });

export const riskInputSchema = z.object({
  title: text(LIMITS.title, true),
  description: text(LIMITS.description, false),
  areaId: id("chooseArea"),
  regionId: id("chooseRegion"),
  colour: z.enum(COLOURS, { error: "chooseColour" }),
  status: z.enum(RISK_STATUSES, { error: "invalidChoice" }),
  responsibleUnitId: id("chooseUnit"),
  responsiblePerson: text(LIMITS.person, true),
  controlMeasures: text(LIMITS.measures, false),
  nextReviewDate: z.string({ error: "invalidDate" }).refine(isIsoDay, { error: "invalidDate" }),
  reason: text(LIMITS.reason, false),
});
export type RiskInput = z.infer<typeof riskInputSchema>;
export type RiskField = keyof RiskInput;

export const RISK_FIELDS = Object.keys(riskInputSchema.shape) as RiskField[];

/** Reads the form's named fields (only those; anything else posted is ignored). */
export function riskFormValues(formData: FormData): Record<RiskField, string> {
  return Object.fromEntries(
    RISK_FIELDS.map((f) => {
      const v = formData.get(f);
      return [f, typeof v === "string" ? v : ""];
    }),
  ) as Record<RiskField, string>;
}

export type FieldErrors = Partial<Record<RiskField, string[]>>;

export function validateRiskInput(values: Record<string, unknown>):
  | { ok: true; data: RiskInput }
  | { ok: false; fieldErrors: FieldErrors } {
  const parsed = riskInputSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors };
}

/** Limits a message may need when translated ({max} in "tooLong"). */
export const FIELD_MAX: Partial<Record<RiskField, number>> = {
  title: LIMITS.title,
  description: LIMITS.description,
  responsiblePerson: LIMITS.person,
  controlMeasures: LIMITS.measures,
  reason: LIMITS.reason,
};
