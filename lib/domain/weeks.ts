import { addDays, isIsoDay, mondayOf } from "./dates";

/**
 * ISO weeks (Monday to Sunday, city zone) name the weekly analysis: "2026-W47". The ISO year of a
 * week is the year of its Thursday, so 2026-12-28 (a Monday) may belong to 2026-W53 or 2027-W01.
 */
const WEEK = /^(\d{4})-W(\d{2})$/;

export function isoWeekOf(day: string): { year: number; week: number; label: string; monday: string } {
  const monday = mondayOf(day);
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const jan4Monday = mondayOf(`${year}-01-04`);
  const week = Math.round((Date.parse(monday) - Date.parse(jan4Monday)) / (7 * 86_400_000)) + 1;
  return { year, week, label: `${year}-W${String(week).padStart(2, "0")}`, monday };
}

/** The Monday of an ISO week label, or undefined when the label is malformed or names no week. */
export function mondayOfIsoWeek(label: string): string | undefined {
  const m = WEEK.exec(label);
  if (!m) return undefined;
  const [year, week] = [Number(m[1]), Number(m[2])];
  // Sise's history starts long after 1900: earlier years are no week. (Weeks 00 and 54, and a W53 of
  // a year with 52 weeks, are refused below: their Monday falls in another ISO year.)
  if (year < 1900) return undefined;
  const monday = addDays(mondayOf(`${year}-01-04`), 7 * (week - 1));
  // A week running past 9999-12-31 has a Monday that is no four-digit day: checked before it is used.
  return isIsoDay(monday) && isoWeekOf(monday).year === year ? monday : undefined;
}
