import { z } from "zod";
import { idNumber } from "./fields";
import { COLOURS, RISK_STATUSES } from "@/lib/domain/colours";
import { AREA_KINDS } from "@/lib/domain/areas";
import { normaliseQuery } from "@/lib/domain/search";

export const REGISTER_SORTS = ["severity", "updated", "nextReview"] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];
export const PAGE_SIZE = 50;

const positiveId = idNumber();

/**
 * Each register URL parameter on its own, so one bad value drops only itself. Area, region and
 * colour may repeat (`?region=2&region=4`): an officer with two counties filters to both at once.
 */
const MULTI = new Set(["area", "region", "colour"]);
const MAX_CHOICES = 100;
const PARAMS = {
  q: z.string().transform((s) => normaliseQuery(s)),
  kind: z.enum(AREA_KINDS),
  area: positiveId,
  region: positiveId,
  colour: z.enum(COLOURS),
  status: z.enum(RISK_STATUSES),
  unit: positiveId,
  overdue: z.literal("1").transform(() => true),
  ack: z.literal("1").transform(() => true),
  open: z.literal("1").transform(() => true),
  own: z.literal("1").transform(() => true),
  ml: z.coerce.number().int().min(1).max(5),
  ms: z.coerce.number().int().min(1).max(5),
  sort: z.enum(REGISTER_SORTS),
  page: z.coerce.number().int().min(1).max(1_000_000),
} as const;

export type RegisterQuery = {
  q?: string;
  kind?: (typeof AREA_KINDS)[number];
  area?: number[];
  /** Divisions: each with everything below it, unless `own` (only what is registered at them: 本级). */
  region?: number[];
  own?: boolean;
  colour?: Array<(typeof COLOURS)[number]>;
  status?: (typeof RISK_STATUSES)[number];
  unit?: number;
  overdue?: boolean;
  /** Only reds awaiting a leader's acknowledgement. */
  ack?: boolean;
  /** Only open risks (identified or controlling): what the board counts. */
  open?: boolean;
  /** Risk-matrix likelihood and severity (the board's matrix view drills in with these). */
  ml?: number;
  ms?: number;
  sort: RegisterSort;
  page: number;
};

/**
 * Parses the register's search params. Empty values mean "no filter"; unrecognised values are
 * dropped and reported by name so the page can say which filters it ignored.
 */
export function parseRegisterQuery(params: Record<string, string | string[] | undefined>): {
  query: RegisterQuery;
  ignored: string[];
} {
  const query: Record<string, unknown> = { sort: "severity", page: 1 };
  const ignored: string[] = [];
  for (const [name, schema] of Object.entries(PARAMS)) {
    const raw = params[name];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v) => v !== "");
    if (values.length === 0) continue;
    if (MULTI.has(name)) {
      const parsed = values.slice(0, MAX_CHOICES).map((v) => schema.safeParse(v));
      const ok = [...new Set(parsed.flatMap((p) => (p.success ? [p.data] : [])))];
      if (ok.length) query[name] = ok;
      if (ok.length < values.length && parsed.some((p) => !p.success)) ignored.push(name);
      continue;
    }
    const parsed = schema.safeParse(values[0]);
    if (parsed.success && parsed.data !== "") query[name] = parsed.data;
    else if (!parsed.success) ignored.push(name);
  }
  return { query: query as RegisterQuery, ignored };
}

/** The URL search string for a query (defaults omitted), for links that keep the current filters. */
export function registerSearch(query: Partial<RegisterQuery>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === "" || v === false) continue;
    if (k === "sort" && v === "severity") continue;
    if (k === "page" && v === 1) continue;
    if (Array.isArray(v)) for (const x of v) out.append(k, String(x));
    else out.set(k, v === true ? "1" : String(v));
  }
  const s = out.toString();
  return s ? `?${s}` : "";
}

/** URL search params as the record the parsers take, repeated names kept as arrays (`?region=2&region=4`). */
export function searchParamsRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}
