import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { WeeklyAnalysis } from "@/db/queries/weekly-analysis";
import { COLOURS, type Colour } from "@/lib/domain/colours";
import type { Counts } from "@/lib/domain/board";
import type { TrendPoint } from "@/lib/domain/trend";
import { actorNamer } from "@/lib/history/describe";
import { analysisSections } from "./sections";

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
  const [t, tc, format, actor] = [
    await getTranslations("analysis"),
    await getTranslations("colours"),
    await getFormatter(),
    await actorNamer(),
  ];
  const { week } = a;
  const sections = analysisSections(a, { t, tc, format, actor, names: p.names, limitOf });
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
