import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ReportingStrip } from "@/components/reports/reporting-strip";
import { StandingBadge } from "@/components/reports/standing-badge";
import { DivisionFilter } from "@/components/territory/division-filter";
import { dayReporting, reportingDivisions } from "@/lib/views/reporting";
import { getDb } from "@/db/client";
import { mapRiskCodes } from "@/db/queries/history";
import { listUnitMembers } from "@/db/queries/reports";
import { requirePageUser } from "@/lib/auth/guard";
import { actorNamer } from "@/lib/history/describe";
import { can } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { addDays, dayInZone, isIsoDay } from "@/lib/domain/dates";
import { singleValues, type SearchParams } from "@/lib/validation/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

/**
 * 日报告 status for one day: who reported, who filed a zero report, who is overdue (named first,
 * with the people who report for them), and every report's content. Today by default.
 */
export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("report.read", "/reports");
  const [t, tk, format, locale] = [
    await getTranslations("reports"),
    await getTranslations("reports.itemKinds"),
    await getFormatter(),
    await getLocale(),
  ];
  const now = new Date();
  const today = dayInZone(now, CITY_TIME_ZONE);
  const params = singleValues(await searchParams);
  const asked = params.day;
  const day = asked && isIsoDay(asked) && asked <= today ? asked : today;
  const db = getDb();
  // One county's units (its bureaus and its towns' offices), or the whole city's.
  const divisions = await reportingDivisions(db, locale, params.region);
  const { rows, strip, cutoff } = await dayReporting(db, {
    day,
    nowMs: now.getTime(),
    locale,
    region: divisions.region,
  });
  const overdue = rows.filter((r) => r.standing === "missing");
  const members = await listUnitMembers(
    db,
    overdue.map((r) => r.unit.id),
  );
  const codes = await mapRiskCodes(
    db,
    rows.flatMap((r) => r.reports.flatMap((rep) => rep.items.map((i) => i.riskId ?? null))),
  );
  const actor = await actorNamer();
  const time = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const nav = "rounded border border-neutral-300 bg-white px-3 py-1 text-sm hover:bg-neutral-100";
  return (
    <section className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {can(user, "report.file") && user.unitIds.length ? (
          <Link
            href="/reports/file"
            className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900"
          >
            {t("fileCta")}
          </Link>
        ) : null}
        <Link href="/reports/compliance" className="text-sm text-blue-800 underline">
          {t("complianceLink")}
        </Link>
      </div>
      <form className="flex flex-wrap items-end gap-3 text-sm" method="get">
        <Link className={nav} href={`/reports?day=${addDays(day, -1)}`} rel="prev">
          {t("previousDay")}
        </Link>
        <label className="flex flex-col gap-1">
          {t("day")}
          <input
            type="date"
            name="day"
            defaultValue={day}
            max={today}
            className="rounded border border-neutral-400 bg-white px-2 py-1"
          />
        </label>
        <button type="submit" className={nav}>
          {t("show")}
        </button>
        {day < today ? (
          <Link className={nav} href={`/reports?day=${addDays(day, 1)}`} rel="next">
            {t("nextDay")}
          </Link>
        ) : null}
        <span className="text-neutral-700">{t("cutoffNote", { cutoff })}</span>
      </form>
      <DivisionFilter
        label={t("unitsOf")}
        allLabel={t("wholeCity")}
        apply={t("show")}
        choices={divisions.choices}
        value={divisions.region}
        keep={{ day }}
      />
      <ReportingStrip data={strip} day={day} names={false} />
      {overdue.length ? (
        <section aria-labelledby="overdue-heading" className="rounded-lg border-2 border-red-700 bg-red-50 p-4">
          <h2 id="overdue-heading" className="text-lg font-semibold text-red-900">
            {t("overdueHeading", { n: overdue.length, day })}
          </h2>
          <ul className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3" data-testid="overdue-units">
            {overdue.map((r) => (
              <li key={r.unit.id}>
                <strong>{r.name}</strong>
                {members.get(r.unit.id)?.length ? (
                  <span className="text-sm text-neutral-700"> · {members.get(r.unit.id)!.join("、")}</span>
                ) : (
                  <span className="text-sm text-neutral-700"> · {t("noMembers")}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="overflow-x-auto">
        <table className="register-table w-full bg-white text-sm">
          <caption className="sr-only">{t("tableCaption", { day })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("unit")}</th>
              <th scope="col">{t("standing")}</th>
              <th scope="col">{t("filedAt")}</th>
              <th scope="col">{t("filedBy")}</th>
              <th scope="col">{t("content")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unit.id} data-testid={`report-row-${r.unit.code}`}>
                <th scope="row" className="text-left font-medium">
                  {r.name}
                </th>
                <td>
                  <StandingBadge standing={r.standing} label={t(`standings.${r.standing}`)} />
                </td>
                <td className="tabular-nums">{r.reports[0] ? time(r.reports[0].filedAt) : "—"}</td>
                <td>{r.reports[0] ? actor(r.reports[0].filedByName) : "—"}</td>
                <td className="wrap">
                  {r.reports.map((rep, i) => (
                    <div key={rep.id} className={i ? "mt-2 border-t border-neutral-200 pt-2" : ""}>
                      {i ? (
                        <p className="text-xs text-neutral-600">
                          {t("supplementAt", { time: time(rep.filedAt), who: actor(rep.filedByName) })}
                        </p>
                      ) : null}
                      {rep.kind === "zero" ? (
                        <p>{t("zeroText")}</p>
                      ) : (
                        <ul className="list-disc pl-5">
                          {rep.items.map((it, j) => (
                            <li key={j}>
                              <span className="font-medium">{tk(it.kind)}</span>
                              {it.riskId && codes.has(it.riskId) ? (
                                <>
                                  {" "}
                                  ·{" "}
                                  <Link
                                    href={`/risks/${codes.get(it.riskId)}`}
                                    className="font-mono text-blue-800 underline"
                                  >
                                    {codes.get(it.riskId)}
                                  </Link>
                                </>
                              ) : null}
                              :{it.text}
                            </li>
                          ))}
                        </ul>
                      )}
                      {rep.note ? (
                        <p className="text-neutral-700">
                          {t("noteLabel")}
                          {rep.note}
                        </p>
                      ) : null}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
