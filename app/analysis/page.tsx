import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AnalysisTable } from "@/components/analysis/analysis-table";
import { ConclusionsForm } from "@/components/analysis/conclusions-form";
import { TrendChart } from "@/components/board/trend-chart";
import { getDb } from "@/db/client";
import { buildAnalysisDocument } from "@/lib/analysis/document";
import { chooseWeek, loadWeeklyAnalysis } from "@/lib/analysis/load";
import { reportingDivisions } from "@/lib/views/reporting";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { addDays, dayInZone, mondayOf } from "@/lib/domain/dates";
import { isoWeekOf } from "@/lib/domain/weeks";
import { singleValues, type SearchParams } from "@/lib/validation/params";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

/**
 * A week of a very busy register can list thousands of changes: the page shows the first ones of
 * each table, one table at a time can be opened further (`?all=<section>`), and the documents hold
 * more. Rendering rows is what a view of the page costs; 25 a table keeps it quick under load.
 */
const PAGE_ROWS = 25;
const EXPANDED_ROWS = 1000;
const EXPANDABLE = ["escalations", "deescalations", "created", "resolved", "awaiting-ack", "overdue", "reporting"];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analysis"))("title") };
}

/**
 * 周分析: a chosen week assembled from the history — counts against the week before, the trend,
 * escalations and de-escalations with reasons, new and resolved risks, reds still waiting for a
 * leader, overdue reviews, units missing daily reports, per area and region — plus the office's
 * conclusions, and the same as a PDF or DOCX to hand out.
 */
export default async function AnalysisPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("report.read", "/analysis");
  const [t, locale] = [await getTranslations("analysis"), await getLocale()];
  const now = new Date();
  const query = singleValues(await searchParams);
  const week = chooseWeek(query.week, now);
  const expanded = EXPANDABLE.includes(query.all ?? "") ? query.all! : null;
  const db = getDb();
  // One county's analysis (its risks, divisions and units), or the city's.
  const divisions = await reportingDivisions(db, locale, query.region);
  const { analysis, names, organisation, division } = await loadWeeklyAnalysis(db, {
    monday: week.monday,
    now,
    locale,
    rowLimit: expanded ? EXPANDED_ROWS : PAGE_ROWS,
    region: divisions.region,
  });
  const r = division ? `&region=${division.id}` : "";
  const doc = await buildAnalysisDocument(analysis, {
    names,
    organisation,
    who: user.displayName,
    now,
    rowLimit: (id) => (id === expanded ? EXPANDED_ROWS : PAGE_ROWS),
  });
  const thisMonday = mondayOf(dayInZone(now, CITY_TIME_ZONE));
  const weeks = Array.from({ length: 26 }, (_, i) => isoWeekOf(addDays(thisMonday, -7 * i)));
  const prev = isoWeekOf(addDays(week.monday, -7)).label;
  const next = week.monday < thisMonday ? isoWeekOf(addDays(week.monday, 7)).label : null;
  const nav = "rounded border border-neutral-300 bg-white px-3 py-1 text-sm hover:bg-neutral-100";
  return (
    <ClientMessages paths={ISLAND_MESSAGES.analysis}>
      <article className="flex flex-col gap-6">
        <header className="flex flex-col gap-2">
          <h1 className="text-3xl font-bold">{doc.title}</h1>
          <p className="text-lg">{doc.subtitle}</p>
          <form method="get" className="no-print flex flex-wrap items-end gap-3 text-sm">
            <Link className={nav} href={`/analysis?week=${prev}${r}`} rel="prev">
              {t("previousWeek")}
            </Link>
            <div className="flex flex-col gap-1">
              <label htmlFor="analysis-week">{t("week")}</label>
              <select
                id="analysis-week"
                name="week"
                defaultValue={week.label}
                className="rounded border border-neutral-400 bg-white px-2 py-1"
              >
                {weeks.map((w) => (
                  <option key={w.label} value={w.label}>
                    {t("weekOption", { label: w.label, from: w.monday })}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="analysis-region">{t("divisionOf")}</label>
              <select
                id="analysis-region"
                name="region"
                defaultValue={division?.id ?? ""}
                className="rounded border border-neutral-400 bg-white px-2 py-1"
              >
                <option value="">{t("wholeCity")}</option>
                {divisions.choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={nav}>
              {t("show")}
            </button>
            {next ? (
              <Link className={nav} href={`/analysis?week=${next}${r}`} rel="next">
                {t("nextWeek")}
              </Link>
            ) : null}
            <a
              className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white hover:bg-blue-900"
              href={`/api/exports/analysis?week=${week.label}&format=pdf${r}`}
              download
            >
              {t("exportPdf")}
            </a>
            <a
              className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white hover:bg-blue-900"
              href={`/api/exports/analysis?week=${week.label}&format=docx${r}`}
              download
            >
              {t("exportDocx")}
            </a>
          </form>
          {week.ignored ? (
            <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
              {t("weekIgnored")}
            </p>
          ) : null}
        </header>
        <section aria-labelledby="trend-heading" className="flex flex-col gap-2">
          <h2 id="trend-heading" className="text-xl font-semibold">
            {doc.trendHeading}
          </h2>
          <TrendChart
            rows={doc.trend.map((p) => ({ label: p.label, ...p.counts }))}
            names={doc.colourNames}
            label={t("trendLabel", { label: week.label })}
          />
        </section>
        {doc.sections.map((s) => (
          <section
            key={s.id}
            aria-labelledby={`${s.id}-heading`}
            data-testid={`analysis-${s.id}`}
            className="flex flex-col gap-2"
          >
            <h2 id={`${s.id}-heading`} className="text-xl font-semibold">
              {s.heading}
            </h2>
            {s.intro ? <p className="text-sm text-neutral-700">{s.intro}</p> : null}
            {s.table && s.table.rows.length ? (
              <div className="overflow-x-auto">
                <AnalysisTable
                  columns={s.table.columns}
                  rows={s.table.rows}
                  numeric={s.table.numeric}
                  codeColumn={s.table.codeColumn}
                />
                {s.table.total > s.table.rows.length && s.id !== expanded ? (
                  <p role="note" className="no-print mt-1 text-sm text-neutral-700">
                    {t("shownOfTotal", { n: s.table.total, shown: s.table.rows.length })}{" "}
                    <Link
                      className="text-blue-800 underline"
                      href={`/analysis?week=${week.label}&all=${s.id}#${s.id}-heading`}
                    >
                      {s.table.total <= EXPANDED_ROWS
                        ? t("showAll", { n: s.table.total })
                        : t("showFirst", { shown: EXPANDED_ROWS })}
                    </Link>
                  </p>
                ) : s.note ? (
                  <p role="note" className="mt-1 text-sm text-neutral-700">
                    {s.note}
                  </p>
                ) : null}
                {s.id === expanded && s.table.total > PAGE_ROWS ? (
                  <p className="no-print mt-1 text-sm">
                    <Link className="text-blue-800 underline" href={`/analysis?week=${week.label}#${s.id}-heading`}>
                      {t("showFewer", { shown: PAGE_ROWS })}
                    </Link>
                  </p>
                ) : null}
              </div>
            ) : (
              <p className="text-sm">{s.empty}</p>
            )}
          </section>
        ))}
        <section
          aria-labelledby="conclusions-heading"
          className="flex flex-col gap-2 rounded-lg border border-neutral-300 bg-white p-4"
        >
          <h2 id="conclusions-heading" className="text-xl font-semibold">
            {doc.conclusionsHeading}
          </h2>
          {doc.conclusionsMeta ? (
            <p className="text-sm text-neutral-700" data-testid="conclusions-meta">
              {doc.conclusionsMeta}
            </p>
          ) : null}
          {division ? (
            // The office's conclusions are written for the city's analysis.
            <p className="text-neutral-700">{t("divisionConclusions")}</p>
          ) : can(user, "analysis.write") ? (
            <ConclusionsForm
              key={analysis.conclusions?.version ?? 0}
              week={week.label}
              text={analysis.conclusions?.text ?? ""}
              version={analysis.conclusions?.version ?? 0}
            />
          ) : (
            <p className="whitespace-pre-line">{doc.conclusions || doc.noConclusions}</p>
          )}
        </section>
      </article>
    </ClientMessages>
  );
}
