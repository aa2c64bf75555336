import "server-only";
import type { Db } from "@/db/client";
import { listReportingUnits, reportingStandings, type UnitDay } from "@/db/queries/reports";
import { loadTerritory } from "@/db/queries/territory";
import { homeDivision, subtreeIds } from "@/lib/domain/territory";
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
export async function dayReporting(db: Db, p: { day: string; nowMs: number; locale: string; region?: number }) {
  const cutoff = (await getSettings(db)).reportCutoff;
  const units = await listReportingUnits(db, await unitsWithin(db, p.region));
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

/**
 * Which units a division's reporting covers: the division's and those of every division below it
 * (the city's own departments only where the division is the city). No division: every unit.
 */
export async function unitsWithin(db: Db, region: number | undefined) {
  if (region === undefined) return {};
  const territory = await loadTerritory(db);
  if (!territory.byId.has(region)) return {};
  return { within: subtreeIds(territory, region), cityId: homeDivision(territory, []) ?? undefined };
}

/** The divisions a reporting page may be narrowed to (the city's counties), and the one asked for, if valid. */
export async function reportingDivisions(db: Db, locale: string, asked: string | undefined) {
  const territory = await loadTerritory(db);
  const city = homeDivision(territory, []);
  const choices = (city !== null ? (territory.children.get(city) ?? []) : [])
    .filter((d) => d.active)
    .map((d) => ({ id: d.id, label: localName(d, locale) }));
  const n = Number(asked);
  const region = Number.isInteger(n) && territory.byId.has(n) ? n : undefined;
  return { choices, region };
}
