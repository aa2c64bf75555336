import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ReportForm, type DraftRow } from "@/components/reports/report-form";
import { getDb } from "@/db/client";
import { listReports, listUnitSituations, listUnitsOfUser } from "@/db/queries/reports";
import { getSettings } from "@/db/queries/settings";
import { localName } from "@/i18n/locales";
import { requirePageUser } from "@/lib/auth/guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { isColour } from "@/lib/domain/colours";
import { dayInZone } from "@/lib/domain/dates";
import { fileableDays, reportDeadline } from "@/lib/domain/reporting";
import { singleValues, type SearchParams } from "@/lib/validation/params";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("fileTitle") };
}

/** Filing a daily report for one of the person's units, today by default or a recent day late. */
export default async function FileReportPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("report.file", "/reports/file");
  const [t, tc, format, locale] = [
    await getTranslations("reports"),
    await getTranslations("colours"),
    await getFormatter(),
    await getLocale(),
  ];
  const db = getDb();
  const params = singleValues(await searchParams);
  const mine = await listUnitsOfUser(db, user.id);
  if (mine.length === 0) {
    return (
      <section className="flex max-w-2xl flex-col gap-3">
        <h1 className="text-2xl font-bold">{t("fileTitle")}</h1>
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2">
          {t("noUnits")}
        </p>
      </section>
    );
  }
  const now = new Date();
  const days = fileableDays(dayInZone(now, CITY_TIME_ZONE));
  const unit = mine.find((u) => String(u.id) === params.unit) ?? mine[0];
  const day = days.includes(params.day ?? "") ? params.day! : days[0];
  const cutoff = (await getSettings(db)).reportCutoff;
  const deadline = reportDeadline(day, cutoff, CITY_TIME_ZONE);
  const earlier = await listReports(db, { from: day, to: day, unitIds: [unit.id] });
  const colour = (c: string | null) => (c && isColour(c) ? tc(c) : "—");
  const prefill: DraftRow[] = (await listUnitSituations(db, { unitId: unit.id, day, timeZone: CITY_TIME_ZONE })).map(
    (s) => ({
      kind: s.action === "create" ? "new_risk" : "grade_change",
      riskCode: s.code,
      text:
        s.action === "create"
          ? t("prefillNew", { title: s.title, colour: colour(s.to) })
          : t("prefillGrade", { title: s.title, from: colour(s.from), to: colour(s.to) }),
    }),
  );
  const control = "rounded border border-neutral-400 bg-white px-2 py-1";
  return (
    <ClientMessages paths={ISLAND_MESSAGES.report}>
      <section className="flex max-w-4xl flex-col gap-4">
        <Link href="/reports" className="text-sm text-blue-800 underline">
          {t("backToStatus")}
        </Link>
        <h1 className="text-2xl font-bold">{t("fileTitle")}</h1>
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
          <div className="flex flex-col gap-1">
            <label htmlFor="report-unit">{t("unit")}</label>
            <select id="report-unit" name="unit" defaultValue={unit.id} className={control}>
              {mine.map((u) => (
                <option key={u.id} value={u.id}>
                  {localName(u, locale)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="report-day">{t("day")}</label>
            <select id="report-day" name="day" defaultValue={day} className={control}>
              {days.map((d, i) => (
                <option key={d} value={d}>
                  {i === 0 ? t("todayOption", { day: d }) : d}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded border border-neutral-400 bg-white px-3 py-1 hover:bg-neutral-100">
            {t("switch")}
          </button>
        </form>
        <p className={now.getTime() > deadline ? "font-medium text-amber-900" : "text-neutral-800"}>
          {t(now.getTime() > deadline ? "deadlinePassed" : "deadlineAhead", {
            unit: localName(unit, locale),
            day,
            time: format.dateTime(new Date(deadline), { timeStyle: "short" }),
          })}
        </p>
        {earlier.length ? (
          <p role="status" className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm">
            {t("alreadyFiled", {
              n: earlier.length,
              time: format.dateTime(earlier[0].filedAt, { dateStyle: "short", timeStyle: "short" }),
              who: earlier[0].filedByName,
            })}
          </p>
        ) : null}
        <ReportForm key={`${unit.id}-${day}`} unitId={unit.id} day={day} prefill={prefill} />
      </section>
    </ClientMessages>
  );
}
