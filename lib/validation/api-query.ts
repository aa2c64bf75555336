import { z } from "zod";
import { HAZARD_GRADES, HAZARD_STATUSES } from "@/lib/domain/hazards";
import { MAX_ID } from "./fields";
import { COLOURS, RISK_STATUSES } from "@/lib/domain/colours";

/** The read API's query parameters; anything malformed is a 400 naming the parameters. */
const code = z.string().regex(/^[A-Za-z0-9-]{1,20}$/);
const cursor = z.coerce.number().int().min(0).max(MAX_ID);
export const apiRisksQuery = z.object({
  area: code.optional(),
  region: code.optional(),
  colour: z.enum(COLOURS).optional(),
  status: z.enum(RISK_STATUSES).optional(),
  after: cursor.default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const apiHazardsQuery = z.object({
  area: code.optional(),
  region: code.optional(),
  status: z.enum(HAZARD_STATUSES).optional(),
  grade: z.enum(HAZARD_GRADES).optional(),
  after: cursor.default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const apiEventsQuery = z.object({
  since: cursor.default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export function parseApiQuery<T extends z.ZodType>(
  schema: T,
  url: string,
): { ok: true; data: z.infer<T> } | { ok: false; names: string[] } {
  const params = Object.fromEntries([...new URL(url).searchParams].filter(([, v]) => v !== ""));
  const r = schema.safeParse(params);
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, names: [...new Set(r.error.issues.map((i) => String(i.path[0])))] };
}
