import { addDays, mondayOf } from "./dates";
import { isoWeekOf } from "./weeks";

/**
 * Hazard statistics for leaders (隐患统计): a period — an ISO week, a month, a quarter or a year —
 * with its first and last day (city days, YYYY-MM-DD), the buckets its chart counts in (days of a
 * week or a month, months of a quarter or a year) and the periods before and after it.
 */
export const STAT_PERIODS = ["week", "month", "quarter", "year"] as const;
export type StatPeriod = (typeof STAT_PERIODS)[number];

export type Period = {
  kind: StatPeriod;
  from: string;
  to: string;
  /** Week: { year, week }; month: { year, month }; quarter: { year, quarter }; year: { year }. */
  parts: { year: number; week?: number; month?: number; quarter?: number };
  buckets: Array<{ from: string; to: string; key: string }>;
  previous: string;
  next: string;
};

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthRange = (year: number, month: number) => ({
  from: `${year}-${pad(month)}-01`,
  to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`,
});
const days = (from: string, to: string) => {
  const out: Period["buckets"] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ from: d, to: d, key: d });
  return out;
};
const months = (year: number, first: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ ...monthRange(year, first + i), key: `${year}-${pad(first + i)}` }));

/** The period of `kind` that holds `day`. */
export function periodOf(kind: StatPeriod, day: string): Period {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  switch (kind) {
    case "week": {
      const from = mondayOf(day);
      const to = addDays(from, 6);
      const w = isoWeekOf(from);
      return {
        kind,
        from,
        to,
        parts: { year: w.year, week: w.week },
        buckets: days(from, to),
        previous: addDays(from, -7),
        next: addDays(from, 7),
      };
    }
    case "month": {
      const { from, to } = monthRange(year, month);
      return {
        kind,
        from,
        to,
        parts: { year, month },
        buckets: days(from, to),
        previous: addDays(from, -1),
        next: addDays(to, 1),
      };
    }
    case "quarter": {
      const quarter = Math.ceil(month / 3);
      const first = (quarter - 1) * 3 + 1;
      const from = monthRange(year, first).from;
      const to = monthRange(year, first + 2).to;
      return {
        kind,
        from,
        to,
        parts: { year, quarter },
        buckets: months(year, first, 3),
        previous: addDays(from, -1),
        next: addDays(to, 1),
      };
    }
    case "year":
      return {
        kind,
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        parts: { year },
        buckets: months(year, 1, 12),
        previous: `${year - 1}-01-01`,
        next: `${year + 1}-01-01`,
      };
  }
}

/** Counts per day (YYYY-MM-DD → n) gathered into a period's buckets. */
export function bucketCounts(period: Period, perDay: ReadonlyMap<string, number>): number[] {
  return period.buckets.map((b) => {
    let n = 0;
    for (const [day, count] of perDay) if (day >= b.from && day <= b.to) n += count;
    return n;
  });
}
