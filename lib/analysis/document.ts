import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { WeeklyAnalysis } from "@/db/queries/weekly-analysis";
import { COLOURS, type Colour } from "@/lib/domain/colours";
import type { Counts } from "@/lib/domain/board";
import type { TrendPoint } from "@/lib/domain/trend";
import { actorNamer } from "@/lib/history/describe";

/**
 * The weekly analysis as a document: translated headings, tables of plain strings and the trend.
 * The page, the PDF and the DOCX are all drawn from this one model, so they never disagree.
 */
/** `total` is the number of rows there are; `rows` may hold only the first of them (the page's limit). */
export type DocTable = {
  columns: string[];
  rows: string[][];
  total: number;
  codeColumn?: number;
  numeric?: number[];
  /** Columns whose cells are never broken across lines (risk codes, times, dates, counts). */
  nowrap?: number[];
};
export type DocSection = {
  id: string;
  heading: string;
  intro?: string;
  table?: DocTable;
  empty?: string;
  note?: string;
};
export type AnalysisDocument = {
  title: string;
  subtitle: string;
  stamp: string;
  /** The handout's title block: organisation, week, who prepared it, when — label and value. */
  titleBlock: Array<{ label: string; value: string }>;
  /** "第 {page} 页 / 共 {pages} 页" with the placeholders left in, filled per page. */
  pageLabel: string;
  colourNames: Record<Colour, string>;
  trend: { label: string; counts: Counts }[];
  trendHeading: string;
  sections: DocSection[];
  conclusionsHeading: string;
  conclusions: string;
  conclusionsMeta: string | null;
  noConclusions: string;
};

export async function buildAnalysisDocument(
  a: WeeklyAnalysis,
  p: {
    names: { areas: Map<number, string>; regions: Map<number, string>; units: Map<number, string> };
    who: string;
    now: Date;
    /** The office named as the author (the admin setting), or the city's name. */
    organisation: string;
    /** Rows formatted per table: one limit, or one per section id (the page expands one section). */
    rowLimit?: number | ((sectionId: string) => number);
  },
): Promise<AnalysisDocument> {
  // Rows are formatted only up to the limit: a very busy week can hold tens of thousands of changes.
  const limitOf = (id: string) =>
    typeof p.rowLimit === "function" ? p.rowLimit(id) : (p.rowLimit ?? Number.POSITIVE_INFINITY);
  const first = <T>(id: string, xs: T[]) => xs.slice(0, limitOf(id));
  const [t, tc, format, actor] = [
    await getTranslations("analysis"),
    await getTranslations("colours"),
    await getFormatter(),
    await actorNamer(),
  ];
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
  const sections: DocSection[] = [
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
  ];
  for (const s of sections)
    if (s.table && s.table.total > s.table.rows.length)
      s.note = t("moreRows", { n: s.table.total, shown: s.table.rows.length });
  const trendLabel = (pt: TrendPoint) => (pt.day === "now" ? t("now") : pt.day.slice(5));
  const range = t("range", { from: week.monday, to: week.sunday });
  const madeAt = format.dateTime(p.now, { dateStyle: "medium", timeStyle: "short" });
  return {
    title: t("docTitle", { year: week.year, week: week.week }),
    subtitle: range + (week.complete ? "" : ` · ${t("inProgress")}`),
    stamp: t("stamp", { who: p.who, time: madeAt }),
    titleBlock: [
      { label: t("block.organisation"), value: p.organisation },
      { label: t("block.week"), value: `${t("block.weekValue", { year: week.year, week: week.week })} · ${range}` },
      { label: t("block.figures"), value: t(week.complete ? "block.figuresComplete" : "block.figuresPartial") },
      { label: t("block.preparedBy"), value: p.who },
      { label: t("block.preparedAt"), value: madeAt },
    ],
    pageLabel: t.raw("pageOf") as string,
    colourNames: Object.fromEntries(COLOURS.map((c) => [c, tc(c)])) as Record<Colour, string>,
    trend: a.trend.map((pt) => ({ label: trendLabel(pt), counts: pt.counts })),
    trendHeading: t("trendHeading"),
    sections,
    conclusionsHeading: t("conclusions"),
    conclusions: a.conclusions?.text ?? "",
    noConclusions: t("noConclusions"),
    conclusionsMeta: a.conclusions
      ? t("conclusionsMeta", {
          who: a.conclusions.by,
          time: format.dateTime(a.conclusions.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
        })
      : null,
  };
}
