import { CLOCK_TIME as TIME, isIsoDay, startOfDayInZone } from "@/lib/domain/dates";

/**
 * The board's time parameters: `asOf` (a day, meaning its end, or a day and time, in the city's
 * zone) shows the board as it stood then; `since` (a day, meaning its start, or a day and time —
 * a meeting's moment) marks what changed from then on. Bad or
 * future values are dropped and named, like the register's filters.
 */
export type BoardTime = { asOf?: { day: string; time?: string }; since?: string };

export function parseBoardTime(
  params: { asOf?: string; since?: string },
  today: string,
): { time: BoardTime; ignored: string[] } {
  const time: BoardTime = {};
  const ignored: string[] = [];
  if (params.asOf) {
    const [day, clock] = params.asOf.split("T");
    if (isIsoDay(day) && day <= today && (clock === undefined || TIME.test(clock))) time.asOf = { day, time: clock };
    else ignored.push("asOf");
  }
  if (params.since) {
    const [day, clock] = params.since.split("T");
    if (isIsoDay(day) && day <= today && (clock === undefined || TIME.test(clock))) time.since = params.since;
    else ignored.push("since");
  }
  return { time, ignored };
}

/** The instant a `since` value names: a day's start, or that minute of the day, in the city's zone. */
export function sinceInstant(since: string, timeZone: string): number {
  const [day, clock] = since.split("T");
  const [h, m] = (clock ?? "00:00").split(":").map(Number);
  return startOfDayInZone(day, timeZone) + (h * 60 + m) * 60_000;
}

/** A `since` value for people: "2026-11-02 09:30" rather than the URL's "2026-11-02T09:30". */
export const sinceLabel = (since: string) => since.replace("T", " ");

/** The spans the trend offers, in weeks: a quarter, half a year, a year, two years. */
export const TREND_WEEKS = [13, 26, 52, 104] as const;

/**
 * The trend's parameters: an area and/or a region (ids among `known`), and a span in weeks. Unknown
 * or malformed values are dropped and named, and the defaults (the whole city, 26 weeks) apply.
 */
export function parseTrendQuery(
  params: { area?: string; region?: string; weeks?: string },
  known: { areas: ReadonlySet<number>; regions: ReadonlySet<number> },
): { area?: number; region?: number; weeks: number; ignored: string[] } {
  const ignored: string[] = [];
  const id = (name: "area" | "region", set: ReadonlySet<number>) => {
    const raw = params[name];
    if (!raw) return undefined;
    const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    if (set.has(n)) return n;
    ignored.push(name);
    return undefined;
  };
  const [area, region] = [id("area", known.areas), id("region", known.regions)];
  const weeks = params.weeks ? TREND_WEEKS.find((w) => String(w) === params.weeks) : 26;
  if (weeks === undefined) ignored.push("weeks");
  return { area, region, weeks: weeks ?? 26, ignored };
}
