import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StandingDot } from "@/components/reports/standing-badge";
import { getDb } from "@/db/client";
import { listReportingUnits, reportingStandings } from "@/db/queries/reports";
import { DivisionFilter } from "@/components/territory/division-filter";
import { reportingDivisions, unitsWithin } from "@/lib/views/reporting";
import { getSettings } from "@/db/queries/settings";
import { localName } from "@/i18n/locales";
import { requirePageUser } from "@/lib/auth/guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { addDays, dayInZone } from "@/lib/domain/dates";
import { daysBetween, summariseCompliance, type ReportStanding } from "@/lib/domain/reporting";
import { singleValues, type SearchParams } from "@/lib/validation/params";

const SPANS = [7, 14, 30] as const;
const STANDINGS: ReportStanding[] = ["reported", "zero", "late", "missing", "pending"];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("complianceTitle") };
}

/** Reporting compliance per unit: each day's standing as a lettered square, and the on-time rate. */
export default async function CompliancePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("report.read", "/reports/compliance");
  const [t, format, locale] = [await getTranslations("reports"), await getFormatter(), await getLocale()];
  const params = singleValues(await searchParams);
  const asked = Number(params.days);
  const span = SPANS.find((s) => s === asked) ?? 14;
  const now = new Date();
  const today = dayInZone(now, CITY_TIME_ZONE);
  const from = addDays(today, -(span - 1));
  const days = daysBetween(from, today);
  const db = getDb();
  const standings = await reportingStandings(db, {
    from,
    to: today,
    nowMs: now.getTime(),
    cutoff: (await getSettings(db)).reportCutoff,
    timeZone: CITY_TIME_ZONE,
  });
  const divisions = await reportingDivisions(db, locale, params.region);
  const rows = (await listReportingUnits(db, await unitsWithin(db, divisions.region))).map((u) => {
    const byDay = standings.get(u.id)!;
    return { unit: u, byDay, summary: summariseCompliance(days.map((d) => byDay.get(d)!.standing)) };
  });
  // Least compliant first: the list is read to decide whom to chase.
  rows.sort((a, b) => (a.summary.rate ?? 1) - (b.summary.rate ?? 1) || a.unit.id - b.unit.id);
  const pct = (r: number | null) =>
    r === null ? "—" : format.number(r, { style: "percent", maximumFractionDigits: 0 });
  return (
    <section className="flex flex-col gap-4">
      <Link href="/reports" className="text-sm text-blue-800 underline">
        {t("backToStatus")}
      </Link>
      <h1 className="text-2xl font-bold">{t("complianceTitle")}</h1>
      <nav aria-label={t("span")} className="flex gap-2 text-sm">
        {SPANS.map((s) => (
          <Link
            key={s}
            href={`/reports/compliance?days=${s}${divisions.region ? `&region=${divisions.region}` : ""}`}
            aria-current={s === span ? "page" : undefined}
            className={`rounded border px-3 py-1 ${s === span ? "border-neutral-900 bg-neutral-900 text-white" : "border-neutral-300 bg-white hover:bg-neutral-100"}`}
          >
            {t("lastDays", { n: s })}
          </Link>
        ))}
      </nav>
      <DivisionFilter
        label={t("unitsOf")}
        allLabel={t("wholeCity")}
        apply={t("show")}
        choices={divisions.choices}
        value={divisions.region}
        keep={{ days: String(span) }}
      />
      <ul className="flex flex-wrap gap-4 text-sm" aria-label={t("legend")}>
        {STANDINGS.map((s) => (
          <li key={s} className="flex items-center gap-1">
            <StandingDot standing={s} letter={t(`letters.${s}`)} title={t(`standings.${s}`)} />
            {t(`standings.${s}`)}
          </li>
        ))}
      </ul>
      <div className="overflow-x-auto">
        <table className="register-table bg-white text-sm">
          <thead>
            <tr>
              <th scope="col">{t("unit")}</th>
              <th scope="col">{t("rate")}</th>
              <th scope="col">{t("onTime")}</th>
              <th scope="col">{t("standings.late")}</th>
              <th scope="col">{t("standings.missing")}</th>
              {days.map((d) => (
                <th key={d} scope="col" className="px-0.5 text-center text-xs font-normal">
                  <Link href={`/reports?day=${d}`}>{d.slice(5)}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ unit, byDay, summary }) => (
              <tr key={unit.id} data-testid={`compliance-${unit.code}`}>
                <th scope="row" className="text-left font-medium">
                  {localName(unit, locale)}
                </th>
                <td className="font-semibold tabular-nums">{pct(summary.rate)}</td>
                <td className="tabular-nums">{summary.onTime}</td>
                <td className="tabular-nums">{summary.late}</td>
                <td className="tabular-nums">{summary.missing}</td>
                {days.map((d) => {
                  const s = byDay.get(d)!.standing;
                  return (
                    <td key={d} className="px-0.5 text-center">
                      <StandingDot standing={s} letter={t(`letters.${s}`)} title={`${d} ${t(`standings.${s}`)}`} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
