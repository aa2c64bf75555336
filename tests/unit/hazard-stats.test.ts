import { describe, expect, it } from "vitest";
import { bucketCounts, periodOf } from "@/lib/domain/hazard-stats";

describe("a statistics period", () => {
  it("is the ISO week, month, quarter or year that holds the day, with its buckets and neighbours", () => {
    const week = periodOf("week", "2026-12-03");
    expect([week.from, week.to, week.parts, week.buckets.length]).toEqual([
      "2026-11-30",
      "2026-12-06",
      { year: 2026, week: 49 },
      7,
    ]);
    expect([week.previous, week.next]).toEqual(["2026-11-23", "2026-12-07"]);
    const feb = periodOf("month", "2028-02-10");
    expect([feb.from, feb.to, feb.buckets.length]).toEqual(["2028-02-01", "2028-02-29", 29]);
    expect([feb.previous, feb.next]).toEqual(["2028-01-31", "2028-03-01"]);
    const q4 = periodOf("quarter", "2026-11-15");
    expect([q4.from, q4.to, q4.parts.quarter, q4.buckets.map((b) => b.key)]).toEqual([
      "2026-10-01",
      "2026-12-31",
      4,
      ["2026-10", "2026-11", "2026-12"],
    ]);
    const year = periodOf("year", "2026-07-01");
    expect([year.from, year.to, year.buckets.length, year.buckets[1].to]).toEqual([
      "2026-01-01",
      "2026-12-31",
      12,
      "2026-02-28",
    ]);
    // An ISO week at the turn of the year belongs to the year of its Thursday.
    expect(periodOf("week", "2027-01-01").parts).toEqual({ year: 2026, week: 53 });
  });
  it("gathers counts per day into its buckets, leaving out days outside it", () => {
    const q = periodOf("quarter", "2026-11-15");
    const perDay = new Map([
      ["2026-10-01", 2],
      ["2026-10-31", 1],
      ["2026-12-31", 4],
      ["2027-01-01", 9],
    ]);
    expect(bucketCounts(q, perDay)).toEqual([3, 0, 4]);
  });
});
