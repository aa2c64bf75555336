import "server-only";
import { and, asc, eq, gte, inArray, lt, lte } from "drizzle-orm";
import {
  daysBetween,
  reportDeadline,
  reportStanding,
  type ReportItem,
  type ReportStanding,
} from "@/lib/domain/reporting";
import { addDays, startOfDayInZone } from "@/lib/domain/dates";
import type { Db } from "../store";
import { dailyReports, riskEvents, risks, units, userUnits, users } from "../schema";

export type ReportingUnit = { id: number; code: string; nameZh: string; nameEn: string };

/**
 * The active reporting units (every active unit reports daily), in the admin's order — of the
 * whole city, or of one division and everything below it (`within`, e.g. a county's bureaus and
 * its towns' offices; a unit without a division is the city's own and counts only where `within`
 * holds the city, `cityId`). Filtered here rather than by `IN (…)`: a city's subtree is thousands
 * of divisions, and a statement with thousands of parameters was built and prepared anew on every
 * board request, where the units table is a few hundred rows read by one cached statement.
 */
export async function listReportingUnits(
  db: Db,
  p: { within?: number[]; cityId?: number } = {},
): Promise<ReportingUnit[]> {
  const rows = await db
    .select({ id: units.id, code: units.code, nameZh: units.nameZh, nameEn: units.nameEn, regionId: units.regionId })
    .from(units)
    .where(eq(units.active, true))
    .orderBy(asc(units.sortOrder), asc(units.id));
  const within = p.within ? new Set(p.within) : null;
  const ownCity = p.cityId !== undefined && (within?.has(p.cityId) ?? false);
  return rows
    .filter((u) => !within || (u.regionId === null ? ownCity : within.has(u.regionId)))
    .map(({ id, code, nameZh, nameEn }) => ({ id, code, nameZh, nameEn }));
}

export type ReportRow = {
  id: number;
  unitId: number;
  day: string;
  kind: "zero" | "items";
  items: ReportItem[];
  note: string;
  filedAt: Date;
  deadlineAt: Date;
  filedByName: string;
};

/** The reports for some days (oldest first within a unit and day: the first one is the filing, later ones supplements). */
export async function listReports(db: Db, p: { from: string; to: string; unitIds?: number[] }): Promise<ReportRow[]> {
  const where = [gte(dailyReports.day, p.from), lte(dailyReports.day, p.to)];
  if (p.unitIds) where.push(inArray(dailyReports.unitId, p.unitIds.length ? p.unitIds : [-1]));
  return (await db
    .select({
      id: dailyReports.id,
      unitId: dailyReports.unitId,
      day: dailyReports.day,
      kind: dailyReports.kind,
      items: dailyReports.items,
      note: dailyReports.note,
      filedAt: dailyReports.filedAt,
      deadlineAt: dailyReports.deadlineAt,
      filedByName: dailyReports.filedByName,
    })
    .from(dailyReports)
    .where(and(...where))
    .orderBy(asc(dailyReports.day), asc(dailyReports.unitId), asc(dailyReports.id))) as ReportRow[];
}

export type UnitDay = { standing: ReportStanding; reports: ReportRow[] };

/**
 * Each unit's standing on each day from `from` to `to`: the first report decides it; a day with no
 * report is missing once its deadline (the current cut-off) has passed, else pending.
 */
export async function reportingStandings(
  db: Db,
  p: { from: string; to: string; nowMs: number; cutoff: string; timeZone: string; unitIds?: number[] },
): Promise<Map<number, Map<string, UnitDay>>> {
  const unitList = (await listReportingUnits(db)).filter((u) => !p.unitIds || p.unitIds.includes(u.id));
  const byKey = new Map<string, ReportRow[]>();
  for (const r of await listReports(db, p)) {
    const key = `${r.unitId}|${r.day}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  // One deadline per day, the same for every unit.
  const deadlines = daysBetween(p.from, p.to).map((day) => [day, reportDeadline(day, p.cutoff, p.timeZone)] as const);
  const out = new Map<number, Map<string, UnitDay>>();
  for (const u of unitList) {
    const days = new Map<string, UnitDay>();
    for (const [day, deadlineMs] of deadlines) {
      const reports = byKey.get(`${u.id}|${day}`) ?? [];
      const first = reports[0];
      const standing = reportStanding(
        first && { kind: first.kind, filedAt: first.filedAt.getTime(), deadlineAt: first.deadlineAt.getTime() },
        { nowMs: p.nowMs, deadlineMs },
      );
      days.set(day, { standing, reports });
    }
    out.set(u.id, days);
  }
  return out;
}

/** The units a person reports for, with names. */
export async function listUnitsOfUser(db: Db, userId: number): Promise<ReportingUnit[]> {
  return await db
    .select({ id: units.id, code: units.code, nameZh: units.nameZh, nameEn: units.nameEn })
    .from(userUnits)
    .innerJoin(units, eq(units.id, userUnits.unitId))
    .where(and(eq(userUnits.userId, userId), eq(units.active, true)))
    .orderBy(asc(units.sortOrder));
}

/** The people who report for a unit, for "who to call" next to a late unit. */
export async function listUnitMembers(db: Db, unitIds: number[]): Promise<Map<number, string[]>> {
  const rows = unitIds.length
    ? await db
        .select({ unitId: userUnits.unitId, name: users.displayName })
        .from(userUnits)
        .innerJoin(users, eq(users.id, userUnits.userId))
        .where(and(inArray(userUnits.unitId, unitIds), eq(users.active, true)))
    : [];
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.unitId, [...(out.get(r.unitId) ?? []), r.name]);
  return out;
}

export type Situation = {
  seq: number;
  riskId: number;
  code: string;
  title: string;
  action: "create" | "grade";
  from: string | null;
  to: string | null;
};

/**
 * Today's state for the filing page: the day's new risks and grade changes on the risks the unit
 * is responsible for, read from the history, so the report starts from what the register shows.
 */
export async function listUnitSituations(
  db: Db,
  p: { unitId: number; day: string; timeZone: string },
): Promise<Situation[]> {
  const start = startOfDayInZone(p.day, p.timeZone);
  const end = startOfDayInZone(addDays(p.day, 1), p.timeZone);
  const rows = await db
    .select({
      seq: riskEvents.seq,
      riskId: risks.id,
      code: risks.code,
      title: risks.title,
      action: riskEvents.action,
      oldValue: riskEvents.oldValue,
      newValue: riskEvents.newValue,
    })
    .from(riskEvents)
    .innerJoin(risks, eq(risks.id, riskEvents.riskId))
    .where(
      and(
        gte(riskEvents.at, new Date(start)),
        lt(riskEvents.at, new Date(end)),
        inArray(riskEvents.action, ["create", "grade"]),
        eq(risks.responsibleUnitId, p.unitId),
      ),
    )
    .orderBy(asc(riskEvents.seq))
    .limit(200);
  return rows.map((r) => ({
    seq: r.seq,
    riskId: r.riskId,
    code: r.code,
    title: r.title,
    action: r.action as "create" | "grade",
    from: r.oldValue === null ? null : String(r.oldValue),
    to: r.action === "create" ? String((r.newValue as { colour?: string }).colour ?? "") : String(r.newValue),
  }));
}
