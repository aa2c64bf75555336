import { z } from "zod";
import { COLOURS, type Colour } from "@/lib/domain/colours";
import { assess, type Assessment, type MethodInputs, type Thresholds } from "@/lib/domain/grading";
import { isoDay, parseWith, readForm, text } from "./fields";
import { LIMITS } from "./risk";

/**
 * An assessment as the grading form posts it: the method, that method's inputs, the colour the
 * officer sets (empty = take the computed one), an override reason, the reason for the grading
 * and the next review day. Shared by the create form, the grading form and the server.
 */
export const GRADING_FIELDS = [
  "method",
  "lecL",
  "lecE",
  "lecC",
  "matrixL",
  "matrixS",
  "colour",
  "overrideReason",
  "reason",
  "nextReviewDate",
] as const;
export type GradingField = (typeof GRADING_FIELDS)[number];

const num = z.coerce.number({ error: "invalidChoice" }).finite({ error: "invalidChoice" });

const gradingSchema = (reasonRequired: boolean) =>
  z
    .object({
      method: z.enum(["lec", "matrix", "direct"], { error: "chooseMethod" }),
      lecL: z.string(),
      lecE: z.string(),
      lecC: z.string(),
      matrixL: z.string(),
      matrixS: z.string(),
      colour: z.union([z.literal(""), z.enum(COLOURS, { error: "chooseColour" })], { error: "chooseColour" }),
      overrideReason: text(LIMITS.reason, false),
      reason: text(LIMITS.reason, reasonRequired),
      nextReviewDate: isoDay,
    })
    .superRefine((v, ctx) => {
      // Only the chosen method's inputs are read; each must be a value from that method's table.
      const need =
        v.method === "lec"
          ? (["lecL", "lecE", "lecC"] as const)
          : v.method === "matrix"
            ? (["matrixL", "matrixS"] as const)
            : [];
      for (const f of need)
        if (v[f] === "" || !num.safeParse(v[f]).success)
          ctx.addIssue({ code: "custom", path: [f], message: "invalidChoice" });
      if (v.method === "direct" && v.colour === "")
        ctx.addIssue({ code: "custom", path: ["colour"], message: "chooseColour" });
    });

export type GradingInput = {
  inputs: MethodInputs;
  chosen: Colour | null;
  overrideReason: string;
  reason: string;
  nextReviewDate: string;
};

export function gradingFormValues(formData: FormData): Record<GradingField, string> {
  return readForm(formData, GRADING_FIELDS);
}

function inputsOf(v: Record<GradingField, string>): MethodInputs {
  if (v.method === "lec") return { method: "lec", l: Number(v.lecL), e: Number(v.lecE), c: Number(v.lecC) };
  if (v.method === "matrix") return { method: "matrix", likelihood: Number(v.matrixL), severity: Number(v.matrixS) };
  return { method: "direct" };
}

/**
 * Parses and grades in one step: field errors for anything malformed, then the domain rule (a
 * colour other than the computed one needs an override reason). The thresholds are the admin's.
 */
export function validateGrading(
  values: Record<GradingField, string>,
  { thresholds, reasonRequired }: { thresholds: Thresholds; reasonRequired: boolean },
):
  | { ok: true; data: GradingInput; assessment: Assessment }
  | { ok: false; fieldErrors: Partial<Record<GradingField, string[]>> } {
  const parsed = parseWith(gradingSchema(reasonRequired), values);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const inputs = inputsOf(values);
  const chosen = v.colour === "" ? null : v.colour;
  const result = assess(inputs, chosen, v.overrideReason, thresholds);
  if (!result.ok) {
    const field: GradingField =
      result.error === "overrideReasonRequired"
        ? "overrideReason"
        : result.error === "chooseColour"
          ? "colour"
          : "method";
    return { ok: false, fieldErrors: { [field]: [result.error] } };
  }
  return {
    ok: true,
    data: { inputs, chosen, overrideReason: v.overrideReason, reason: v.reason, nextReviewDate: v.nextReviewDate },
    assessment: result.assessment,
  };
}
