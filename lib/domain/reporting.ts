import { addDays, CLOCK_TIME, startOfDayInZone } from "./dates";

/**
 * 日报告 / 零报告 rules. Every active responsible unit files one report per calendar day (city zone)
 * before the cut-off: a list of new situations, or an explicit zero report. Pure values in and out.
 */
export const REPORT_ITEM_KINDS = ["new_risk", "grade_change", "incident", "other"] as const;
export type ReportItemKind = (typeof REPORT_ITEM_KINDS)[number];
/** One situation in a report; `riskId` links it to the register when it concerns a risk. */
export type ReportItem = { kind: ReportItemKind; riskId?: number; text: string };

/** The default cut-off, 17:00 city time: the office's working day ends then. */
export const DEFAULT_REPORT_CUTOFF = "17:00";
export const CUTOFF_PATTERN = CLOCK_TIME;

/** A unit may file, or file late (补报), for today and the days before within this window. */
export const LATE_FILING_DAYS = 7;

/** The instant the report for `day` is due: the cut-off on that day in the city's zone. */
export function reportDeadline(day: string, cutoff: string, timeZone: string): number {
  const [h, m] = (CUTOFF_PATTERN.test(cutoff) ? cutoff : DEFAULT_REPORT_CUTOFF).split(":").map(Number);
  return startOfDayInZone(day, timeZone) + (h * 60 + m) * 60_000;
}

/**
 * Where a unit stands for a day: reported (with items) or zero-reported on time, reported late,
 * missing once the deadline has passed, or still pending before it. Only the first report counts:
 * later ones are supplements and never turn a late report into an on-time one.
 */
export type ReportStanding = "reported" | "zero" | "late" | "missing" | "pending";

export function reportStanding(
  first: { kind: "zero" | "items"; filedAt: number; deadlineAt: number } | undefined,
  p: { nowMs: number; deadlineMs: number },
): ReportStanding {
  if (!first) return p.nowMs > p.deadlineMs ? "missing" : "pending";
  if (first.filedAt > first.deadlineAt) return "late";
  return first.kind === "zero" ? "zero" : "reported";
}

export type Compliance = { onTime: number; late: number; missing: number; due: number; rate: number | null };

/** Compliance over some days: on-time share of the days already due (pending days do not count). */
export function summariseCompliance(standings: ReadonlyArray<ReportStanding>): Compliance {
  const count = (s: ReportStanding) => standings.filter((x) => x === s).length;
  const onTime = count("reported") + count("zero");
  const [late, missing] = [count("late"), count("missing")];
  const due = onTime + late + missing;
  return { onTime, late, missing, due, rate: due ? onTime / due : null };
}

/** The days a unit may file for on `today`: today first, then back LATE_FILING_DAYS - 1 days. */
export function fileableDays(today: string): string[] {
  return Array.from({ length: LATE_FILING_DAYS }, (_, i) => addDays(today, -i));
}

/** The calendar days from `from` to `to` inclusive (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * How a report is filed: the first for its unit and day is the filing that decides whether the
 * unit reported on time (late when filed after the deadline in force); any later one is a
 * supplement (补报), recorded as such, which never changes that standing. A report may only name
 * risks that exist, and only for a unit that is active.
 */
export function planReportFiling(p: {
  unitActive: boolean;
  namedRisks: number;
  foundRisks: number;
  earlierReports: number;
  nowMs: number;
  deadlineAt: number;
}):
  | { action: "report.file" | "report.supplement"; late: boolean; supplement: boolean }
  | { error: "unknownUnit" | "unknownRisk" } {
  if (!p.unitActive) return { error: "unknownUnit" };
  if (p.foundRisks !== p.namedRisks) return { error: "unknownRisk" };
  const supplement = p.earlierReports > 0;
  return { action: supplement ? "report.supplement" : "report.file", late: p.nowMs > p.deadlineAt, supplement };
}
