import "server-only";
import type { getFormatter, getTranslations } from "next-intl/server";
import type { WeeklyAnalysis } from "@/db/queries/weekly-analysis";
import { COLOURS, type Colour } from "@/lib/domain/colours";
import type { HazardWeekGroup } from "@/lib/domain/hazards";
import type { DocSection } from "./document";

type T = Awaited<ReturnType<typeof getTranslations>>;
export type SectionWords = {
  t: T;
  tc: T;
  format: Awaited<ReturnType<typeof getFormatter>>;
  actor: (name: string) => string;
  names: { areas: Map<number, string>; regions: Map<number, string>; units: Map<number, string> };
  /** How many rows a section formats (a very busy week can hold tens of thousands of changes). */
  limitOf: (sectionId: string) => number;
};

/**
 * The analysis's tables, in the order a leader reads them: the counts, the week's changes, what
 * waits (reds for a leader, overdue reviews, units behind on reporting), then each area and region.
 * Cells are plain strings in the user's language; risks are named by code and title as they are now.
 */
export function analysisSections(a: WeeklyAnalysis, w: SectionWords): DocSection[] {
  const { t, tc, format, actor } = w;
  const p = { names: w.names };
  const first = <X>(id: string, xs: X[]) => xs.slice(0, w.limitOf(id));
  const colour = (c: Colour | null) => (c ? tc(c) : "—");
  const when = (ms: number) =>
    format.dateTime(new Date(ms), { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  const risk = (id: number) => a.riskInfo.get(id);
  const code = (id: number) => risk(id)?.code ?? `#${id}`;
  const title = (id: number) => risk(id)?.title ?? "";
  const place = (id: number) =>
    [p.names.areas.get(risk(id)?.areaId ?? -1), p.names.regions.get(risk(id)?.regionId ?? -1)]
      .filter(Boolean)
      .join(" · ");
  const delta = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");
  const colourCols = COLOURS.flatMap((c) => [tc(c), t("change")]);
  const groupRows = (groups: WeeklyAnalysis["areas"], names: Map<number, string>) =>
    groups
      .filter((g) => COLOURS.some((c) => g.now[c] || g.before[c]))
      // Most severe first: more reds, then more oranges, and so on.
      .sort((x, y) => COLOURS.reduce((s, c) => s || y.now[c] - x.now[c], 0) || x.id - y.id)
      .map((g) => [
        names.get(g.id) ?? String(g.id),
        ...COLOURS.flatMap((c) => [String(g.now[c]), delta(g.now[c] - g.before[c])]),
      ]);
  const changeRows = (id: string, list: WeeklyAnalysis["changes"]["escalations"]) =>
    first(id, list).map((e) => [
      when(e.at),
      code(e.riskId),
      title(e.riskId),
      `${colour(e.from)} → ${colour(e.to)}`,
      e.reason ?? "—",
      actor(e.actorName),
    ]);
  const changeCols = [t("when"), t("code"), t("risk"), t("colourChange"), t("reason"), t("by")];
  const all = (rows: string[][]) => ({ total: rows.length, rows });
  const { week } = a;
  return [
    {
      id: "counts",
      heading: t("countsHeading"),
      intro: t(week.complete ? "countsIntro" : "countsIntroPartial"),
      table: {
        columns: [t("colour"), t("weekEnd"), t("weekBefore"), t("change")],
        numeric: [1, 2, 3],
        nowrap: [1, 2, 3],
        total: 4,
        rows: COLOURS.map((c) => [
          `${tc(c)} · ${tc(`level.${c}`)}`,
          String(a.counts.now[c]),
          String(a.counts.before[c]),
          delta(a.counts.now[c] - a.counts.before[c]),
        ]),
      },
    },
    {
      id: "escalations",
      heading: t("escalations", { n: a.changes.escalations.length }),
      table: {
        columns: changeCols,
        codeColumn: 1,
        nowrap: [0, 1, 3],
        total: a.changes.escalations.length,
        rows: changeRows("escalations", a.changes.escalations),
      },
      empty: t("noneThisWeek"),
    },
    {
      id: "deescalations",
      heading: t("deescalations", { n: a.changes.deescalations.length }),
      table: {
        columns: changeCols,
        codeColumn: 1,
        nowrap: [0, 1, 3],
        total: a.changes.deescalations.length,
        rows: changeRows("deescalations", a.changes.deescalations),
      },
      empty: t("noneThisWeek"),
    },
    {
      id: "created",
      heading: t("created", { n: a.changes.created.length }),
      table: {
        columns: [t("when"), t("code"), t("risk"), t("colour"), t("place")],
        codeColumn: 1,
        nowrap: [0, 1, 3],
        total: a.changes.created.length,
        rows: first("created", a.changes.created).map((e) => [
          when(e.at),
          code(e.riskId),
          title(e.riskId),
          colour(e.colour),
          place(e.riskId),
        ]),
      },
      empty: t("noneThisWeek"),
    },
    {
      id: "resolved",
      heading: t("resolved", { n: a.changes.resolved.length }),
      table: {
        columns: [t("when"), t("code"), t("risk"), t("status"), t("reason")],
        codeColumn: 1,
        nowrap: [0, 1, 3],
        total: a.changes.resolved.length,
        rows: first("resolved", a.changes.resolved).map((e) => [
          when(e.at),
          code(e.riskId),
          title(e.riskId),
          t(`statuses.${e.status}`),
          e.reason ?? "—",
        ]),
      },
      empty: t("noneThisWeek"),
    },
    {
      id: "awaiting-ack",
      heading: t("awaitingAck", { n: a.awaitingAck.length }),
      table: {
        columns: [t("raisedAt"), t("code"), t("risk"), t("place")],
        codeColumn: 1,
        nowrap: [0, 1],
        total: a.awaitingAck.length,
        rows: first("awaiting-ack", a.awaitingAck).map((r) => [
          format.dateTime(new Date(r.raisedAt), { dateStyle: "short", timeStyle: "short" }),
          code(r.riskId),
          title(r.riskId),
          place(r.riskId),
        ]),
      },
      empty: t("noneAtWeekEnd"),
    },
    {
      id: "overdue",
      heading: t("overdue", { n: a.overdue.length }),
      table: {
        columns: [t("due"), t("code"), t("risk"), t("colour"), t("unit")],
        codeColumn: 1,
        nowrap: [0, 1, 3],
        total: a.overdue.length,
        rows: first("overdue", a.overdue).map((o) => [
          o.due,
          code(o.riskId),
          title(o.riskId),
          colour(o.colour),
          p.names.units.get(risk(o.riskId)?.unitId ?? -1) ?? "",
        ]),
      },
      empty: t("noneAtWeekEnd"),
    },
    {
      id: "reporting",
      heading: t("reporting", { n: a.reporting.length }),
      table: {
        columns: [t("unit"), t("missingDays"), t("lateDays")],
        total: a.reporting.length,
        rows: first("reporting", a.reporting).map((r) => [
          p.names.units.get(r.unitId) ?? String(r.unitId),
          r.missing.map((d) => d.slice(5)).join("、") || "—",
          r.late.map((d) => d.slice(5)).join("、") || "—",
        ]),
      },
      empty: t("allReported"),
    },
    {
      id: "areas",
      heading: t("byArea"),
      table: {
        columns: [t("area"), ...colourCols],
        numeric: [1, 2, 3, 4, 5, 6, 7, 8],
        nowrap: [1, 2, 3, 4, 5, 6, 7, 8],
        ...all(groupRows(a.areas, p.names.areas)),
      },
      empty: t("noOpenRisks"),
    },
    {
      id: "regions",
      heading: t("byRegion"),
      table: {
        columns: [t("region"), ...colourCols],
        numeric: [1, 2, 3, 4, 5, 6, 7, 8],
        nowrap: [1, 2, 3, 4, 5, 6, 7, 8],
        ...all(groupRows(a.regions, p.names.regions)),
      },
      empty: t("noOpenRisks"),
    },
    ...(a.hazards ? hazardSections(a.hazards, w) : []),
  ];
}

/**
 * 隐患排查治理 in the week: per division and per area (found, closed, overdue at the week's end,
 * found and closed so far, 整改率), then the major hazards under supervision.
 */
function hazardSections(h: NonNullable<WeeklyAnalysis["hazards"]>, w: SectionWords): DocSection[] {
  const t = (key: string, values?: Record<string, string | number>) => w.t(`hazards.${key}`, values);
  const rate = (r: number | null) => (r === null ? "—" : `${r}%`);
  const columns = (first: string) => [
    first,
    t("foundWeek"),
    t("closedWeek"),
    t("overdueEnd"),
    t("foundTotal"),
    t("closedTotal"),
    t("rate"),
  ];
  const rows = (groups: HazardWeekGroup[], names: Map<number, string>) =>
    groups.map((g) => [
      names.get(g.id) ?? String(g.id),
      String(g.foundWeek),
      String(g.closedWeek),
      String(g.overdueEnd),
      String(g.foundTotal),
      String(g.closedTotal),
      rate(g.rate),
    ]);
  const table = (first: string, groups: HazardWeekGroup[], names: Map<number, string>) => ({
    columns: columns(first),
    numeric: [1, 2, 3, 4, 5, 6],
    nowrap: [1, 2, 3, 4, 5, 6],
    total: groups.length,
    rows: rows(groups, names),
  });
  const supervised = h.supervised.slice(0, w.limitOf("hazards-supervised"));
  return [
    {
      id: "hazards-regions",
      heading: t("byRegion"),
      intro: t("intro"),
      table: table(w.t("region"), h.byRegion, w.names.regions),
      empty: t("none"),
    },
    {
      id: "hazards-areas",
      heading: t("byArea"),
      table: table(w.t("area"), h.byArea, w.names.areas),
      empty: t("none"),
    },
    {
      id: "hazards-supervised",
      heading: t("supervised", { n: h.supervised.length }),
      table: {
        columns: [t("code"), t("title"), t("level"), t("unit"), t("deadline"), t("status")],
        codeColumn: 0,
        nowrap: [0, 2, 4, 5],
        total: h.supervised.length,
        rows: supervised.map((x) => [
          x.code,
          x.title,
          t(`levels.${x.level}`),
          x.unitId === null ? "—" : (w.names.units.get(x.unitId) ?? String(x.unitId)),
          x.deadline ?? "—",
          t(`statuses.${x.status}`),
        ]),
      },
      empty: t("noSupervised"),
    },
  ];
}
