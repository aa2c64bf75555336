import { describe, expect, it } from "vitest";
import {
  addDays,
  clockInZone,
  CLOCK_TIME,
  dayInZone,
  fileStamp,
  instantInZone,
  isIsoDay,
  mondayOf,
  monthStartsBetween,
  recentWeekStarts,
  startOfDayInZone,
} from "@/lib/domain/dates";
import { daysBetween, fileableDays, reportDeadline } from "@/lib/domain/reporting";
import { isoWeekOf, mondayOfIsoWeek } from "@/lib/domain/weeks";

/** Calendar rules, with instants written out by hand (Beijing is UTC+8 all year, no daylight saving). */
const utc = (iso: string) => Date.parse(iso);

describe("days and instants in the city's zone", () => {
  it("reads the clock and the day of an instant in Beijing time, or another zone when asked", () => {
    expect(clockInZone(utc("2026-12-01T09:05:00Z"))).toBe("17:05");
    expect(clockInZone(utc("2026-12-01T16:00:00Z"))).toBe("00:00");
    expect(clockInZone(utc("2026-12-01T16:00:00Z"), "UTC")).toBe("16:00");
    expect(dayInZone(new Date("2026-12-01T16:00:00Z"))).toBe("2026-12-02");
    expect(dayInZone(new Date("2026-12-01T16:00:00Z"), "UTC")).toBe("2026-12-01");
  });
  it("keeps one formatter per zone even when many zones are asked for", () => {
    const zones = Intl.supportedValuesOf("timeZone").slice(0, 80);
    for (const z of zones) clockInZone(0, z);
    // Still right after the cache has had to drop its oldest entries.
    expect(clockInZone(utc("2026-12-01T09:05:00Z"), "Asia/Shanghai")).toBe("17:05");
    expect(clockInZone(utc("2026-12-01T09:05:00Z"), zones[0])).toBe(
      new Intl.DateTimeFormat("en-GB", {
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZone: zones[0],
      }).format(utc("2026-12-01T09:05:00Z")),
    );
  });
  it("starts a Beijing day at 16:00 UTC the day before, and a New York day by its own offset", () => {
    expect(startOfDayInZone("2026-12-02")).toBe(utc("2026-12-01T16:00:00Z"));
    expect(startOfDayInZone("2026-07-01", "America/New_York")).toBe(utc("2026-07-01T04:00:00Z"));
    expect(startOfDayInZone("2026-12-01", "America/New_York")).toBe(utc("2026-12-01T05:00:00Z"));
  });
  it.each([
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "2026-1-01",
    "x2026-01-01",
    "2026-01-01x",
    "2026-04-31",
    "2025-02-29",
  ])("refuses %s as a calendar day", (d) => {
    expect(isIsoDay(d)).toBe(false);
    expect(() => addDays(d, 1)).toThrow(`not a calendar day: ${d}`);
    expect(() => startOfDayInZone(d)).toThrow(`not a calendar day: ${d}`);
    expect(() => mondayOf(d)).toThrow(`not a calendar day: ${d}`);
  });
  it("accepts real days, 29 February of a leap year included", () => {
    expect(["2028-02-29", "2026-12-31", "2026-01-01"].every(isIsoDay)).toBe(true);
  });
  it("reads HH:MM clock times from 00:00 to 23:59 only", () => {
    expect(["00:00", "17:00", "23:59", "09:30"].every((t) => CLOCK_TIME.test(t))).toBe(true);
    expect(["24:00", "7:00", "17:60", "x17:00", "17:00x", "17:0"].some((t) => CLOCK_TIME.test(t))).toBe(false);
  });
  it("lists the first instants of the months after one moment and up to another", () => {
    const from = utc("2026-10-15T00:00:00Z");
    expect(monthStartsBetween(from, utc("2027-01-01T00:00:00Z"))).toEqual([
      utc("2026-10-31T16:00:00Z"),
      utc("2026-11-30T16:00:00Z"),
      utc("2026-12-31T16:00:00Z"),
    ]);
    // A month start exactly at `fromMs` is not after it; one exactly at `toMs` is included.
    expect(monthStartsBetween(utc("2026-10-31T16:00:00Z"), utc("2026-11-30T16:00:00Z"))).toEqual([
      utc("2026-11-30T16:00:00Z"),
    ]);
    expect(monthStartsBetween(from, utc("2026-10-31T15:59:59Z"))).toEqual([]);
  });
});

describe("weeks", () => {
  it("finds the Monday of any day's ISO week", () => {
    expect(mondayOf("2026-12-06")).toBe("2026-11-30"); // a Sunday
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });
  it("lists the most recent week starts oldest first, as Beijing days", () => {
    // Monday 2026-11-30 00:30 in Beijing is still Sunday in UTC.
    expect(recentWeekStarts(utc("2026-11-29T16:30:00Z"), 3)).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(recentWeekStarts(utc("2026-11-29T15:30:00Z"), 1)).toEqual(["2026-11-23"]);
  });
  it("names a week by the year of its Thursday", () => {
    expect(isoWeekOf("2026-12-31")).toEqual({ year: 2026, week: 53, label: "2026-W53", monday: "2026-12-28" });
    expect(isoWeekOf("2027-01-04")).toEqual({ year: 2027, week: 1, label: "2027-W01", monday: "2027-01-04" });
    expect(isoWeekOf("2025-12-29").label).toBe("2026-W01");
  });
  it("reads a week label back to its Monday, and nothing else", () => {
    expect(mondayOfIsoWeek("2026-W01")).toBe("2025-12-29");
    expect(mondayOfIsoWeek("2026-W53")).toBe("2026-12-28");
    expect(mondayOfIsoWeek("1900-W01")).toBe("1900-01-01");
    expect(mondayOfIsoWeek("9999-W52")).toBe("9999-12-27");
    for (const bad of [
      "2026-W00",
      "2026-W54",
      "2027-W53",
      "1899-W52",
      "0000-W01",
      "9999-W53",
      "2026-w01",
      "2026W01",
      "x2026-W01",
      "2026-W01x",
    ]) {
      expect(mondayOfIsoWeek(bad), bad).toBeUndefined();
    }
  });
});

describe("the daily report's calendar", () => {
  it("falls due at the cut-off in the city's zone, 17:00 when the setting is unreadable", () => {
    expect(reportDeadline("2026-12-02", "17:00", "Asia/Shanghai")).toBe(utc("2026-12-02T09:00:00Z"));
    expect(reportDeadline("2026-12-02", "09:30", "Asia/Shanghai")).toBe(utc("2026-12-02T01:30:00Z"));
    expect(reportDeadline("2026-12-02", "25:00", "Asia/Shanghai")).toBe(utc("2026-12-02T09:00:00Z"));
  });
  it("may be filed for today and the six days before, newest first", () => {
    expect(fileableDays("2026-12-02")).toEqual([
      "2026-12-02",
      "2026-12-01",
      "2026-11-30",
      "2026-11-29",
      "2026-11-28",
      "2026-11-27",
      "2026-11-26",
    ]);
  });
  it("lists the days of a period, both ends included, at most 400", () => {
    expect(daysBetween("2026-11-29", "2026-12-02")).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(daysBetween("2026-12-02", "2026-12-02")).toEqual(["2026-12-02"]);
    expect(daysBetween("2026-12-03", "2026-12-02")).toEqual([]);
    expect(daysBetween("2020-01-01", "2029-01-01")).toHaveLength(400);
  });
});

describe("what a person means by a day and a time", () => {
  it("a minute is that minute in the zone; a day alone is its last millisecond", () => {
    // 2026-11-25 14:30 in Shanghai (UTC+8) is 06:30 UTC.
    expect(new Date(instantInZone("2026-11-25", "14:30", "Asia/Shanghai")).toISOString()).toBe(
      "2026-11-25T06:30:00.000Z",
    );
    expect(new Date(instantInZone("2026-11-25", "00:00", "Asia/Shanghai")).toISOString()).toBe(
      "2026-11-24T16:00:00.000Z",
    );
    // The 25th ends at 15:59:59.999 UTC, one millisecond before the 26th begins in Shanghai.
    expect(new Date(instantInZone("2026-11-25", undefined, "Asia/Shanghai")).toISOString()).toBe(
      "2026-11-25T15:59:59.999Z",
    );
    // A zone with summer time: 2026-03-29 is the day Europe/Berlin moves from +1 to +2.
    expect(new Date(instantInZone("2026-03-29", "12:00", "Europe/Berlin")).toISOString()).toBe(
      "2026-03-29T10:00:00.000Z",
    );
  });

  it("stamps a file with the zone's day and minute", () => {
    expect(fileStamp(Date.UTC(2026, 10, 25, 6, 30), "Asia/Shanghai")).toBe("20261125-1430");
    // 23:59 UTC on the 31st is already the 1st in Shanghai.
    expect(fileStamp(Date.UTC(2026, 11, 31, 23, 59), "Asia/Shanghai")).toBe("20270101-0759");
  });
});
