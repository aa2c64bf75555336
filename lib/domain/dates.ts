/**
 * Calendar-day helpers. Review dates are calendar days in the city's time zone (Asia/Shanghai by
 * default), while instants are stored in UTC; these helpers are the only bridge between the two.
 */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A wall-clock minute, HH:MM (00:00–23:59). */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Formatters, made once per kind and time zone: building an Intl.DateTimeFormat costs ~70 µs and
 * tens of KB, and the history views call these for every one of tens of thousands of events
 * (50,000 risks' review days took 3.5 s and 650 MB with a new formatter per call). Bounded: a time
 * zone comes from settings or a user's choice, a handful in practice; past 64 the oldest goes.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const FORMATS = {
  clock: ["en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }],
  // en-CA formats as YYYY-MM-DD.
  day: ["en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }],
  wall: [
    "en-US",
    {
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    },
  ],
} as const satisfies Record<string, [string, Intl.DateTimeFormatOptions]>;

function formatter(kind: keyof typeof FORMATS, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const [locale, options] = FORMATS[kind];
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    if (formatters.size >= 64) formatters.delete(formatters.keys().next().value!);
    formatters.set(key, f);
  }
  return f;
}

/** The wall-clock minute (HH:MM) that `instant` shows in `timeZone`. */
export function clockInZone(instant: Date | number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return formatter("clock", timeZone).format(instant);
}

/** The calendar day (YYYY-MM-DD) that `instant` falls on in `timeZone`. */
export function dayInZone(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return formatter("day", timeZone).format(instant);
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

/** The UTC instant at which calendar day `day` (YYYY-MM-DD) begins in `timeZone`. */
export function startOfDayInZone(day: string, timeZone: string = DEFAULT_TIME_ZONE): number {
  if (!isIsoDay(day)) throw new Error(`not a calendar day: ${day}`);
  const [y, m, d] = day.split("-").map(Number);
  const guess = Date.UTC(y, m - 1, d);
  // The zone's wall-clock reading at `guess`, read back as if it were UTC, gives the zone's offset.
  const parts = Object.fromEntries(
    formatter("wall", timeZone)
      .formatToParts(new Date(guess))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return guess - (wall - guess);
}

/** The first instants of the months (in `timeZone`) after `fromMs` and at or before `toMs`. */
export function monthStartsBetween(fromMs: number, toMs: number, timeZone: string = DEFAULT_TIME_ZONE): number[] {
  const out: number[] = [];
  let [y, m] = dayInZone(new Date(Math.max(fromMs, 0)), timeZone)
    .split("-")
    .map(Number);
  for (;;) {
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    const at = startOfDayInZone(`${y}-${String(m).padStart(2, "0")}-01`, timeZone);
    if (at > toMs) return out;
    if (at > fromMs) out.push(at);
  }
}

/** The Monday (YYYY-MM-DD) of the ISO week that `day` falls in. */
export function mondayOf(day: string): string {
  if (!isIsoDay(day)) throw new Error(`not a calendar day: ${day}`);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The `count` most recent week starts (Monday 00:00 in `timeZone`) at or before `nowMs`, oldest
 * first, as calendar days. A week start is the moment a week's board is final.
 */
export function recentWeekStarts(nowMs: number, count: number, timeZone: string = DEFAULT_TIME_ZONE): string[] {
  const monday = mondayOf(dayInZone(new Date(nowMs), timeZone));
  return Array.from({ length: count }, (_, i) => addDays(monday, -7 * (count - 1 - i)));
}

/**
 * The instant a person means by a day and an optional wall-clock minute in `timeZone`: that minute,
 * or — a day alone — the day's last millisecond (an "as of 25 November" board includes the 25th).
 */
export function instantInZone(day: string, time: string | undefined, timeZone: string = DEFAULT_TIME_ZONE): number {
  if (!time) return startOfDayInZone(addDays(day, 1), timeZone) - 1;
  if (!isIsoDay(day) || !CLOCK_TIME.test(time)) throw new Error(`not a day and time: ${day} ${time}`);
  const [y, mo, d] = day.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Not midnight plus hours: on a day the clocks change, 12:00 is 11 or 13 hours after midnight.
  // The zone's offset is read at the first guess and again at the answer, which settles it.
  const first = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(first, timeZone);
}

/** How far the zone's wall clock is ahead of UTC at `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter("wall", timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** 2026-11-25 14:30 in `timeZone` as "20261125-1430": how a file name says when its content stood. */
export function fileStamp(ms: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${dayInZone(new Date(ms), timeZone).replaceAll("-", "")}-${clockInZone(ms, timeZone).replace(":", "")}`;
}
