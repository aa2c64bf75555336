import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cell, escapeText } from "@/lib/domain/csv";
import { wallClockFormatter } from "@/lib/domain/wall-clock";
import { pickMessages } from "@/i18n/pick-messages";
import zh from "@/messages/zh-CN.json";

/**
 * The shortcuts issue 18 took for speed give exactly what the plain way gives: the wall clock
 * against Intl itself (zones with and without summer time, transitions, historic offsets with
 * seconds), the CSV cell's fast path against the cell written the long way, and the catalogue
 * picked for a client island against the catalogue.
 */
const intl = (zone: string) => {
  const f = new Intl.DateTimeFormat("sv-SE", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  return (ms: number) => f.format(ms);
};
const ZONES = [
  "Asia/Shanghai",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "America/St_Johns",
  "Pacific/Chatham",
  "UTC",
];

describe("the wall clock of a zone", () => {
  it("is Intl's, to the second, for any instant from 1000 to 9999 and beyond", () => {
    for (const zone of ZONES) {
      const fast = wallClockFormatter(zone);
      const slow = intl(zone);
      fc.assert(
        fc.property(
          fc.integer({ min: Date.UTC(900, 0, 1), max: Date.UTC(10100, 0, 1) }),
          (ms) => fast(ms) === slow(ms),
        ),
        { numRuns: 2000 },
      );
    }
  });

  it("is Intl's on each second around summer-time changes and Shanghai's 1986–1991 summer time", () => {
    const around = [
      Date.UTC(2026, 2, 8, 7),
      Date.UTC(2026, 10, 1, 6),
      Date.UTC(2026, 2, 29, 1),
      Date.UTC(1988, 3, 9, 18),
      Date.UTC(1988, 8, 10, 17),
      Date.UTC(2026, 3, 4, 15),
    ];
    for (const zone of ZONES) {
      const fast = wallClockFormatter(zone);
      const slow = intl(zone);
      // Mismatches gathered and compared once: an expect() per second made the test slower than the check.
      const wrong: string[] = [];
      for (const at of around)
        for (let ms = at - 3_700_000; ms <= at + 3_700_000; ms += 997)
          if (fast(ms) !== slow(ms)) wrong.push(`${zone} ${ms}: ${fast(ms)} ≠ ${slow(ms)}`);
      expect(wrong.slice(0, 5)).toEqual([]);
    }
  });

  it("Shanghai before 1901 keeps its local mean time's seconds (+8:05:43)", () => {
    expect(wallClockFormatter("Asia/Shanghai")(Date.UTC(1890, 0, 1, 0, 0, 0))).toBe(
      intl("Asia/Shanghai")(Date.UTC(1890, 0, 1)),
    );
  });
});

describe("a CSV cell", () => {
  /** The cell the long way: every text escaped, guarded and quoted, as before the fast path. */
  const slowCell = (v: string) => {
    const text = escapeText(v);
    return `"${(/^[=+\-@\t\r']/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  };
  const texts = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }),
    fc.constantFrom("", "=1", "'a", "\tx", "\r", "-", "@", "+", '"', "\\", "a\u202Eb", "\uFEFF"),
  );

  it("is the same as the cell written the long way, for any text", () => {
    fc.assert(
      fc.property(texts, (v) => cell(v) === slowCell(v)),
      { numRuns: 5000 },
    );
  });
});

describe("the catalogue a client island gets", () => {
  it("keeps the picked parts where they were and nothing else", () => {
    const picked = pickMessages(zh, ["errors.retry", "form", "risk.fields.nextReviewDate"]);
    expect(picked).toEqual({
      errors: { retry: zh.errors.retry },
      form: zh.form,
      risk: { fields: { nextReviewDate: zh.risk.fields.nextReviewDate } },
    });
  });

  it("refuses a part the catalogue lacks, at render time", () => {
    expect(() => pickMessages(zh, ["errors.noSuchKey"])).toThrow(/errors\.noSuchKey/);
    expect(() => pickMessages(zh, ["errors.retry.deeper"])).toThrow(/errors\.retry\.deeper/);
  });
});
