import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { HazardWeekGroup } from "@/lib/domain/hazards";
import type { Names } from "@/lib/history/describe";
import type { HazardStats } from "@/lib/views/hazard-stats";
import type { AnalysisDocument, DocSection } from "./document";

/** The period in words: "2026 年 11 月", "2026 年第 4 季度" … */
export async function periodLabel(stats: Pick<HazardStats, "period">): Promise<string> {
  const t = await getTranslations("hazards.stats");
  const { kind, parts } = stats.period;
  return t(`periodLabel.${kind}`, parts);
}

/** The chart's bucket labels: days as MM-DD, months by name. */
export async function bucketLabels(stats: Pick<HazardStats, "period">): Promise<string[]> {
  const format = await getFormatter();
  return stats.period.buckets.map((b) =>
    b.from === b.to
      ? b.from.slice(5)
      : format.dateTime(new Date(`${b.from}T12:00:00Z`), { month: "short", timeZone: "UTC" }),
  );
}

/**
 * The hazard statistics as a document to sign (PDF, XLSX): the title block (organisation,
 * division, period, who, when), the totals, per division, per area, the series the chart draws, the
 * major hazards under supervision, and lines for the reviewer's signature and date.
 */
export async function hazardStatsDocument(
  stats: HazardStats,
  p: { names: Names; organisation: string; division: string; who: string; now: Date },
): Promise<AnalysisDocument> {
  const [t, ta, format] = [
    await getTranslations("hazards.stats"),
    await getTranslations("analysis.hazards"),
    await getFormatter(),
  ];
  const period = await periodLabel(stats);
  const labels = await bucketLabels(stats);
  const range = `${stats.period.from} — ${stats.period.to}`;
  const madeAt = format.dateTime(p.now, { dateStyle: "medium", timeStyle: "short" });
  const cols = (first: string) => [
    first,
    ta("foundPeriod"),
    ta("closedPeriod"),
    ta("overdueEnd"),
    ta("foundTotal"),
    ta("closedTotal"),
    ta("rate"),
  ];
  const row = (name: string, g: Omit<HazardWeekGroup, "id">) => [
    name,
    String(g.foundWeek),
    String(g.closedWeek),
    String(g.overdueEnd),
    String(g.foundTotal),
    String(g.closedTotal),
    g.rate === null ? "—" : `${g.rate}%`,
  ];
  const numeric = [1, 2, 3, 4, 5, 6];
  const groupSection = (
    id: string,
    heading: string,
    first: string,
    groups: HazardWeekGroup[],
    names: Map<number, string>,
  ): DocSection => ({
    id,
    heading,
    table: {
      columns: cols(first),
      numeric,
      nowrap: numeric,
      total: groups.length,
      rows: groups.map((g) => row(names.get(g.id) ?? String(g.id), g)),
    },
    empty: ta("none"),
  });
  return {
    title: t("docTitle", { period }),
    subtitle: range,
    stamp: t("stamp", { who: p.who, time: madeAt }),
    titleBlock: [
      { label: t("block.organisation"), value: p.organisation },
      { label: t("block.division"), value: p.division },
      { label: t("block.period"), value: `${period} · ${range}${stats.complete ? "" : ` · ${t("inProgress")}`}` },
      { label: t("block.preparedBy"), value: p.who },
      { label: t("block.preparedAt"), value: madeAt },
    ],
    pageLabel: t.raw("pageOf") as string,
    colourNames: { red: "", orange: "", yellow: "", blue: "" },
    trend: [],
    trendHeading: "",
    sections: [
      {
        id: "totals",
        heading: t("totals"),
        intro: t("intro"),
        table: {
          columns: cols(t("division")),
          numeric,
          nowrap: numeric,
          total: 1,
          rows: [row(p.division, stats.totals)],
        },
      },
      groupSection("regions", t("byRegion"), t("division"), stats.byRegion, p.names.regions),
      groupSection("areas", t("byArea"), t("area"), stats.byArea, p.names.areas),
      {
        id: "series",
        heading: t("series"),
        table: {
          columns: [t("bucket"), ta("foundPeriod"), ta("closedPeriod")],
          numeric: [1, 2],
          nowrap: [0, 1, 2],
          total: labels.length,
          rows: labels.map((l, i) => [l, String(stats.series.found[i]), String(stats.series.closed[i])]),
        },
      },
      {
        id: "supervised",
        heading: ta("supervised", { n: stats.supervised.length }),
        table: {
          columns: [ta("code"), ta("title"), ta("level"), ta("unit"), ta("deadline"), ta("status")],
          codeColumn: 0,
          nowrap: [0, 2, 4, 5],
          total: stats.supervised.length,
          rows: stats.supervised.map((x) => [
            x.code,
            x.title,
            ta(`levels.${x.level}`),
            x.unitId === null ? "—" : (p.names.units.get(x.unitId) ?? String(x.unitId)),
            x.deadline ?? "—",
            ta(`statuses.${x.status}`),
          ]),
        },
        empty: ta("noSupervised"),
      },
    ],
    conclusionsHeading: t("signHeading"),
    conclusions: "",
    conclusionsMeta: null,
    noConclusions: t("signLines"),
  };
}
