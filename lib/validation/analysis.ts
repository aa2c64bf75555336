import { z } from "zod";
import { MAX_ID, text } from "./fields";

export const CONCLUSIONS_MAX = 8000;

/** The conclusions on a week and the version the writer saw (0 when there were none yet). */
export const conclusionsSchema = z.object({
  text: text(CONCLUSIONS_MAX, false),
  version: z.coerce.number().int().min(0).max(MAX_ID),
});
