import { z } from "zod";
import {
  ACCEPTANCE_TYPES,
  FIVE_IN_PLACE,
  HAZARD_GRADES,
  HAZARD_STATUSES,
  SUPERVISION_LEVELS,
} from "@/lib/domain/hazards";
import { normaliseQuery } from "@/lib/domain/search";
import { id, idNumber, isoDay, parseWith, readForm, text } from "./fields";

/** The hazards' forms and the register's query. Messages are catalogue keys under `errors.*`. */
export const HAZARD_LIMITS = {
  title: 200,
  description: 2000,
  place: 200,
  person: 60,
  five: 500,
  measures: 2000,
  reason: 1000,
  opinion: 1000,
} as const;

export const HAZARD_FIELDS = [
  "title",
  "description",
  "areaId",
  "regionId",
  "place",
  "grade",
  "riskCode",
  "inspectionCode",
  "foundOn",
] as const;
export type HazardField = (typeof HAZARD_FIELDS)[number];

const optionalCode = (pattern: RegExp) =>
  z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .refine((s) => s === "" || pattern.test(s), { error: "invalidCode" });

const hazardSchema = z.object({
  title: text(HAZARD_LIMITS.title, true),
  description: text(HAZARD_LIMITS.description, false),
  areaId: id("required"),
  regionId: id("required"),
  place: text(HAZARD_LIMITS.place, false),
  grade: z.enum(HAZARD_GRADES, { error: "invalidChoice" }),
  riskCode: optionalCode(/^[A-Z]{2,6}-\d{4}-\d{5,}$/),
  inspectionCode: optionalCode(/^PC-\d{4}-\d{5,}$/),
  foundOn: isoDay,
});
export const parseHazard = (values: Record<HazardField, string>) => parseWith(hazardSchema, values);

export const FIVE_FIELDS = FIVE_IN_PLACE;
const fiveSchema = z.object(
  Object.fromEntries(FIVE_IN_PLACE.map((k) => [k, text(HAZARD_LIMITS.five, true)])) as Record<
    (typeof FIVE_IN_PLACE)[number],
    ReturnType<typeof text>
  >,
);
export const parseFive = (fd: FormData) => parseWith(fiveSchema, readForm(fd, FIVE_FIELDS));

export const ASSIGN_FIELDS = ["unitId", "person", "deadline"] as const;
const assignSchema = z.object({
  unitId: id("required"),
  person: text(HAZARD_LIMITS.person, true),
  deadline: isoDay,
});
export const parseAssign = (fd: FormData) => parseWith(assignSchema, readForm(fd, ASSIGN_FIELDS));

export const EXTEND_FIELDS = ["deadline", "reason"] as const;
const extendSchema = z.object({ deadline: isoDay, reason: text(HAZARD_LIMITS.reason, true) });
export const parseExtend = (fd: FormData) => parseWith(extendSchema, readForm(fd, EXTEND_FIELDS));

export const SUBMIT_FIELDS = ["measuresTaken"] as const;
const submitSchema = z.object({ measuresTaken: text(HAZARD_LIMITS.measures, true) });
export const parseSubmit = (fd: FormData) => parseWith(submitSchema, readForm(fd, SUBMIT_FIELDS));

export const ACCEPT_FIELDS = ["outcome", "type", "completedOn", "costWan", "opinion", "reason"] as const;
/** 万元 with at most two decimals, as the ledgers write it; up to a billion yuan. */
const wan = z
  .string()
  .trim()
  .refine((s) => /^\d{1,6}(\.\d{1,2})?$/.test(s), { error: "invalidAmount" })
  .transform(Number);
const acceptSchema = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.literal("pass"),
    type: z.enum(ACCEPTANCE_TYPES, { error: "invalidChoice" }),
    completedOn: isoDay,
    costWan: wan,
    opinion: text(HAZARD_LIMITS.opinion, false),
  }),
  z.object({ outcome: z.literal("fail"), reason: text(HAZARD_LIMITS.reason, true) }),
]);
export function parseAccept(fd: FormData) {
  const values = readForm(fd, ACCEPT_FIELDS);
  if (values.outcome !== "pass" && values.outcome !== "fail")
    return { ok: false as const, fieldErrors: { outcome: ["invalidChoice"] } as Partial<Record<string, string[]>> };
  return parseWith(acceptSchema, values);
}

export const SUPERVISE_FIELDS = ["level", "unitId", "deadline"] as const;
const superviseSchema = z.object({
  level: z.enum(SUPERVISION_LEVELS, { error: "invalidChoice" }),
  unitId: id("required"),
  deadline: isoDay,
});
export const parseSupervise = (fd: FormData) => parseWith(superviseSchema, readForm(fd, SUPERVISE_FIELDS));

// The hazards register's URL: each parameter on its own, so one bad value drops only itself.
export const HAZARD_SORTS = ["found", "deadline"] as const;
export const HAZARD_PAGE_SIZE = 50;
const PARAMS = {
  q: z.string().transform((s) => normaliseQuery(s)),
  status: z.enum([...HAZARD_STATUSES, "open"] as const),
  grade: z.enum(HAZARD_GRADES),
  area: idNumber(),
  region: idNumber(),
  own: z.literal("1").transform(() => true),
  overdue: z.literal("1").transform(() => true),
  supervised: z.literal("1").transform(() => true),
  sort: z.enum(HAZARD_SORTS),
  page: z.coerce.number().int().min(1).max(1_000_000),
} as const;

export type HazardQuery = {
  q?: string;
  /** A status, or "open" for every one but closed. */
  status?: (typeof HAZARD_STATUSES)[number] | "open";
  grade?: (typeof HAZARD_GRADES)[number];
  area?: number;
  /** A division, with everything below it — or, with `own`, only what is registered at it (a board's 本级 column). */
  region?: number;
  own?: boolean;
  overdue?: boolean;
  supervised?: boolean;
  sort: (typeof HAZARD_SORTS)[number];
  page: number;
};

/** Parses the register's params; a bad one is dropped and named in `ignored`. */
export function parseHazardQuery(params: Record<string, string | string[] | undefined>): {
  query: HazardQuery;
  ignored: string[];
} {
  const query: HazardQuery = { sort: "found", page: 1 };
  const ignored: string[] = [];
  for (const [key, schema] of Object.entries(PARAMS)) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = (schema as z.ZodType).safeParse(value);
    if (parsed.success && parsed.data !== "") (query as Record<string, unknown>)[key] = parsed.data;
    else ignored.push(key);
  }
  return { query, ignored };
}

/** The query as a URL's search part (empty when nothing is filtered), page and sort at their defaults left out. */
export function hazardSearch(query: Partial<HazardQuery>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === false || (k === "sort" && v === "found") || (k === "page" && v === 1)) continue;
    out.set(k, v === true ? "1" : String(v));
  }
  const s = out.toString();
  return s ? `?${s}` : "";
}

export const INSPECTION_FIELDS = [
  "title",
  "campaign",
  "unitId",
  "areaId",
  "regionId",
  "plannedFrom",
  "plannedTo",
  "inspectors",
] as const;
const inspectionSchema = z
  .object({
    title: text(HAZARD_LIMITS.title, true),
    campaign: text(HAZARD_LIMITS.title, false),
    unitId: id("required"),
    areaId: z.union([z.literal("").transform(() => null), id("invalidChoice")]),
    regionId: id("required"),
    plannedFrom: isoDay,
    plannedTo: isoDay,
    inspectors: text(HAZARD_LIMITS.place, false),
  })
  .refine((v) => v.plannedTo >= v.plannedFrom, { path: ["plannedTo"], error: "endBeforeStart" });
export const parseInspection = (values: Record<(typeof INSPECTION_FIELDS)[number], string>) =>
  parseWith(inspectionSchema, values);

export const DONE_FIELDS = ["outcome", "doneOn"] as const;
const doneSchema = z.object({ outcome: z.enum(["found", "nothing"], { error: "invalidChoice" }), doneOn: isoDay });
export const parseDone = (fd: FormData) => parseWith(doneSchema, readForm(fd, DONE_FIELDS));
