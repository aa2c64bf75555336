import { z } from "zod";
import { id, parseWith, readForm, text } from "./fields";

/**
 * One schema for a risk's details (what it is, where, who owns it), used by the browser (instant
 * feedback) and the server (the check that counts). Grading, status, reviews and measures have
 * their own schemas (grading.ts, workflow.ts): each change goes through the step meant for it.
 */
export const LIMITS = { title: 200, description: 5000, person: 50, reason: 1000, coUnits: 20 } as const;

const unitId = id("chooseUnit");
/** Co-operating units arrive as "3,7,12"; each must be an id, at most 20, duplicates dropped. */
const unitList = z.string().transform((s, ctx): number[] => {
  const parts = s.trim() === "" ? [] : s.split(",");
  if (parts.length > LIMITS.coUnits) ctx.addIssue({ code: "custom", message: "tooMany" });
  const ids = parts.map((p) => unitId.safeParse(p));
  if (ids.some((r) => !r.success)) ctx.addIssue({ code: "custom", message: "chooseUnit" });
  return [...new Set(ids.flatMap((r) => (r.success ? [r.data] : [])))].sort((a, b) => a - b);
});

export const riskDetailsSchema = z.object({
  title: text(LIMITS.title, true),
  description: text(LIMITS.description, false),
  areaId: id("chooseArea"),
  regionId: id("chooseRegion"),
  responsibleUnitId: id("chooseUnit"),
  responsiblePerson: text(LIMITS.person, true),
  coUnitIds: unitList,
  reason: text(LIMITS.reason, false),
});
export type RiskDetails = z.infer<typeof riskDetailsSchema>;
export type RiskField = keyof RiskDetails;
export const RISK_FIELDS = Object.keys(riskDetailsSchema.shape) as RiskField[];

export function riskFormValues(formData: FormData): Record<RiskField, string> {
  return readForm(formData, RISK_FIELDS, ["coUnitIds"]);
}

export function validateRiskDetails(values: Record<RiskField, string>) {
  return parseWith(riskDetailsSchema, values);
}

/** Limits a message may need when translated ({max} in "tooLong"). */
export const FIELD_MAX: Record<string, number> = {
  title: LIMITS.title,
  description: LIMITS.description,
  responsiblePerson: LIMITS.person,
  reason: LIMITS.reason,
  coUnitIds: LIMITS.coUnits,
  overrideReason: LIMITS.reason,
  note: LIMITS.reason,
  instruction: LIMITS.reason,
  measureDescription: 500,
  owner: LIMITS.person,
};
