/**
 * Calendar-day helpers. Review dates are calendar days in the city's time zone (Asia/Shanghai by
 * default), while instants are stored in UTC; these helpers are the only bridge between the two.
 */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day (YYYY-MM-DD) that `instant` falls on in `timeZone`. */
export function dayInZone(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/** True when `value` is a real calendar day written as YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `day` plus `days` calendar days (days may be negative). */
export function addDays(day: string, days: number): string {
  if (!isIsoDay(day)) throw new Error(`not a calendar day: ${day}`);
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}
