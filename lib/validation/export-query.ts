import { z } from "zod";
import { COLOURS, type Colour } from "@/lib/domain/colours";
import { isIsoDay } from "@/lib/domain/dates";

/**
 * The history export's filter, read from a query string (the audit page's GET form and the route
 * share it): a date range (calendar days in the city's zone, both ends included), areas, regions,
 * colours (of the risk as it stands now), actors and event types. No criterion means the full
 * history — the only export that `verify-export` can prove complete.
 */
export type HistoryFilter = {
  from?: string;
  to?: string;
  areaIds: number[];
  regionIds: number[];
  colours: Colour[];
  actorIds: number[];
  actions: string[];
};

const day = z.string().refine(isIsoDay);
const ids = z
  .array(
    z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number),
  )
  .max(500);
const schema = z.object({
  from: day.optional(),
  to: day.optional(),
  area: ids,
  region: ids,
  colour: z.array(z.enum(COLOURS)).max(4),
  actor: ids,
  action: z.array(z.string().regex(/^[a-z][a-z_.]{0,39}$/)).max(50),
});

export function parseHistoryFilter(
  params: URLSearchParams,
): { ok: true; filter: HistoryFilter } | { ok: false; fields: string[] } {
  const one = (k: string) => params.get(k) || undefined;
  const many = (k: string) =>
    params
      .getAll(k)
      .flatMap((v) => v.split(","))
      .filter(Boolean);
  const parsed = schema.safeParse({
    from: one("from"),
    to: one("to"),
    area: many("area"),
    region: many("region"),
    colour: many("colour"),
    actor: many("actor"),
    action: many("action"),
  });
  if (!parsed.success) return { ok: false, fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] };
  const v = parsed.data;
  if (v.from && v.to && v.from > v.to) return { ok: false, fields: ["to"] };
  return {
    ok: true,
    filter: {
      from: v.from,
      to: v.to,
      areaIds: v.area,
      regionIds: v.region,
      colours: v.colour,
      actorIds: v.actor,
      actions: v.action,
    },
  };
}

export function isFullExport(f: HistoryFilter): boolean {
  return (
    !f.from &&
    !f.to &&
    !f.areaIds.length &&
    !f.regionIds.length &&
    !f.colours.length &&
    !f.actorIds.length &&
    !f.actions.length
  );
}

/** The filter as a query string, for the export's first lines and its history event. */
export function filterQuery(f: HistoryFilter): string {
  const p = new URLSearchParams();
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  for (const [k, vs] of [
    ["area", f.areaIds],
    ["region", f.regionIds],
    ["colour", f.colours],
    ["actor", f.actorIds],
    ["action", f.actions],
  ] as const) {
    if (vs.length) p.set(k, vs.join(","));
  }
  return p.toString();
}
