import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { loadTerritory } from "@/db/queries/territory";
import { StatsChart } from "@/components/hazards/stats-chart";
import { StatsTable } from "@/components/hazards/stats-table";
import { localName } from "@/i18n/locales";
import { bucketLabels, periodLabel } from "@/lib/analysis/hazard-stats-document";
import { requirePageUser } from "@/lib/auth/guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { STAT_PERIODS } from "@/lib/domain/hazard-stats";
import { divisionLabel } from "@/lib/domain/territory";
import { nameMaps } from "@/lib/history/names";
import { parseStatsQuery } from "@/lib/validation/hazard-stats";
import { hazardStatsView } from "@/lib/views/hazard-stats";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hazards.stats"))("title") };
}

/**
 * 隐患统计 for leaders: a week, a month, a quarter or a year, for the city or one of its divisions —
 * found, closed, overdue and 整改率 per division and per area, a chart of found and closed over the
 * period, the major hazards under supervision, and the same as an XLSX or a PDF to sign.
 */
export default async function HazardStatisticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser("hazard.read", "/hazards/statistics");
  const now = new Date();
  const today = dayInZone(now, CITY_TIME_ZONE);
  const asked = parseStatsQuery(await searchParams, today);
  const [t, ta, locale, db] = [
    await getTranslations("hazards.stats"),
    await getTranslations("analysis.hazards"),
    await getLocale(),
    getDb(),
  ];
  const stats = await hazardStatsView(db, { kind: asked.kind, day: asked.day, region: asked.region, now });
  const names = await nameMaps(db, locale);
  const territory = await loadTerritory(db);
  const label = (id: number) => divisionLabel(territory, id, (d) => localName(d, locale));
  const period = await periodLabel(stats);
  const labels = await bucketLabels(stats);
  const here = (over: Record<string, string>) =>
    `/hazards/statistics?${new URLSearchParams({ period: stats.period.kind, at: asked.day, region: String(stats.node), ...over })}`;
  const divisions = [...territory.byId.values()].filter(
    (d) => d.active && (d.level === "city" || d.level === "county" || d.id === stats.node),
  );
  const exportHref = (format: string) =>
    `/api/exports/hazard-stats?${new URLSearchParams({ period: stats.period.kind, at: asked.day, region: String(stats.node), format })}`;
  const card = (text: string, n: string | number, tone = "") => (
    <div
      className={`flex flex-wrap items-baseline justify-between gap-x-3 rounded-lg border-2 bg-white px-3 py-2 ${tone}`}
    >
      <span className="text-sm">{text}</span>
      <strong className="text-2xl tabular-nums">{n}</strong>
    </div>
  );
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-neutral-700" data-testid="stats-period">
          {label(stats.node)} · {period} · {stats.period.from} — {stats.period.to}
          {stats.complete ? "" : ` · ${t("inProgress")}`}
        </p>
        <span className="flex gap-2">
          {(["xlsx", "pdf"] as const).map((f) => (
            <a
              key={f}
              href={exportHref(f)}
              download
              className="rounded border border-neutral-500 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-100"
            >
              {t(f === "xlsx" ? "exportXlsx" : "exportPdf")}
            </a>
          ))}
        </span>
      </div>
      <nav aria-label={t("periods")} className="flex flex-wrap items-center gap-2 text-sm">
        {STAT_PERIODS.map((k) => (
          <Link
            key={k}
            href={here({ period: k })}
            aria-current={k === stats.period.kind ? "page" : undefined}
            className={`rounded border px-3 py-1.5 ${k === stats.period.kind ? "border-neutral-900 bg-neutral-900 text-white" : "border-neutral-400 bg-white hover:bg-neutral-100"}`}
          >
            {t(`kinds.${k}`)}
          </Link>
        ))}
        <Link href={here({ at: stats.period.previous })} className="ml-2 underline">
          {t("previous")}
        </Link>
        {stats.period.next <= today ? (
          <Link href={here({ at: stats.period.next })} className="underline">
            {t("next")}
          </Link>
        ) : null}
        <form method="get" className="ml-auto flex items-center gap-2">
          <input type="hidden" name="period" value={stats.period.kind} />
          <input type="hidden" name="at" value={asked.day} />
          <label htmlFor="stats-region">{t("division")}</label>
          <select
            id="stats-region"
            name="region"
            defaultValue={String(stats.node)}
            className="min-h-11 rounded border border-neutral-400 bg-white px-2"
          >
            {divisions.map((d) => (
              <option key={d.id} value={d.id}>
                {label(d.id)}
              </option>
            ))}
          </select>
          <button type="submit" className="min-h-11 rounded bg-neutral-900 px-3 text-white">
            {t("show")}
          </button>
        </form>
      </nav>
      {asked.ignored.length ? (
        <p role="alert" className="text-sm text-amber-900">
          {t("ignored", { params: asked.ignored.join(", ") })}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2 lg:grid-cols-5" data-testid="stats-totals">
        {card(ta("foundPeriod"), stats.totals.foundWeek, "border-neutral-300")}
        {card(ta("closedPeriod"), stats.totals.closedWeek, "border-neutral-300")}
        {card(
          ta("overdueEnd"),
          stats.totals.overdueEnd,
          stats.totals.overdueEnd ? "border-red-800 text-red-900" : "border-neutral-300",
        )}
        {card(ta("foundTotal"), stats.totals.foundTotal, "border-neutral-300")}
        {card(ta("rate"), stats.totals.rate === null ? "—" : `${stats.totals.rate}%`, "border-neutral-300")}
      </div>
      <p className="text-sm text-neutral-700">{t("intro")}</p>
      <StatsChart
        labels={labels}
        found={stats.series.found}
        closed={stats.series.closed}
        words={{ title: t("chartTitle", { period }), found: ta("foundPeriod"), closed: ta("closedPeriod") }}
      />
      <StatsTable
        caption={t("byRegion")}
        first={t("division")}
        groups={stats.byRegion}
        name={(id) => names.regions.get(id) ?? String(id)}
      />
      <StatsTable
        caption={t("byArea")}
        first={t("area")}
        groups={stats.byArea}
        name={(id) => names.areas.get(id) ?? String(id)}
      />
      <section aria-labelledby="supervised-heading" className="flex flex-col gap-2">
        <h2 id="supervised-heading" className="text-lg font-semibold">
          {ta("supervised", { n: stats.supervised.length })}
        </h2>
        {stats.supervised.length ? (
          <ul className="flex flex-col gap-1 text-sm">
            {stats.supervised.map((h) => (
              <li key={h.code}>
                <Link href={`/hazards/${h.code}`} className="font-mono text-blue-800 underline">
                  {h.code}
                </Link>{" "}
                {h.title} · {ta(`levels.${h.level}`)} · {h.unitId === null ? "—" : names.units.get(h.unitId)} ·{" "}
                {h.deadline ?? "—"} · {ta(`statuses.${h.status}` as "statuses.found")}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-neutral-700">{ta("noSupervised")}</p>
        )}
      </section>
    </div>
  );
}
