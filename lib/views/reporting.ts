import "server-only";
import type { Db } from "@/db/client";
import { listReportingUnits, reportingStandings, type UnitDay } from "@/db/queries/reports";
import { getSettings } from "@/db/queries/settings";
import { localName } from "@/i18n/locales";
import { CITY_TIME_ZONE } from "@/lib/config";
import type { ReportStanding } from "@/lib/domain/reporting";

/** The board's and the reports page's strip: how many units reported, and who is overdue or late, by name. */
export type StripData = {
  counts: Record<ReportStanding, number>;
  missing: string[];
  late: string[];
  cutoff: string;
  units: number;
};

/** Every unit's standing on one day, plus the strip's counts and the overdue and late names. */
export async function dayReporting(db: Db, p: { day: string; nowMs: number; locale: string }) {
  const cutoff = (await getSettings(db)).reportCutoff;
  const units = await listReportingUnits(db);
  const standings = await reportingStandings(db, {
    from: p.day,
    to: p.day,
    nowMs: p.nowMs,
    cutoff,
    timeZone: CITY_TIME_ZONE,
  });
  const rows = units.map((u) => ({
    unit: u,
    name: localName(u, p.locale),
    ...(standings.get(u.id)?.get(p.day) as UnitDay),
  }));
  const counts: Record<ReportStanding, number> = { reported: 0, zero: 0, late: 0, missing: 0, pending: 0 };
  for (const r of rows) counts[r.standing] += 1;
  const strip: StripData = {
    counts,
    cutoff,
    units: units.length,
    missing: rows.filter((r) => r.standing === "missing").map((r) => r.name),
    late: rows.filter((r) => r.standing === "late").map((r) => r.name),
  };
  return { rows, strip, cutoff };
}
