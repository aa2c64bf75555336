import { z } from "zod";

export const CONCLUSIONS_MAX = 8000;

/** The conclusions on a week and the version the writer saw (0 when there were none yet). */
export const conclusionsSchema = z.object({
  text: z.string().trim().max(CONCLUSIONS_MAX, { error: "tooLong" }).refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { error: "invalidCharacters" }),
  version: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
