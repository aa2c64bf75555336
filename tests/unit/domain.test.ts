import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COLOUR_SWATCH, COLOURS, compareSeverityDesc, SEVERITY } from "@/lib/domain/colours";
import { contrastRatio } from "@/lib/domain/contrast";
import { addDays, dayInZone, isIsoDay } from "@/lib/domain/dates";
import { defaultNextReview, isReviewOverdue } from "@/lib/domain/review";
import { codeFromParam, formatRiskCode, nextRiskCode, parseRiskCode, riskCodeOf } from "@/lib/domain/risk-code";
import { checkNextReview, reasonRequired } from "@/lib/domain/risk-rules";
import { bigramText, ftsPhrase, isBigramTerm, likeContains, queryTerms } from "@/lib/domain/search";

describe("colours", () => {
  it("orders red > orange > yellow > blue", () => {
    expect([...COLOURS].reverse().sort(compareSeverityDesc)).toEqual(["red", "orange", "yellow", "blue"]);
    expect(SEVERITY.red).toBeGreaterThan(SEVERITY.orange);
  });
  it.each(COLOURS)("label text on %s meets WCAG AA (4.5:1)", (c) => {
    expect(contrastRatio(COLOUR_SWATCH[c].background, COLOUR_SWATCH[c].text)).toBeGreaterThanOrEqual(4.5);
  });
  it("uses the same backgrounds on screen (app/globals.css) as the contrast check", () => {
    const css = readFileSync("app/globals.css", "utf8");
    for (const c of COLOURS) {
      const declared = new RegExp(`--color-risk-${c}:\\s*(#[0-9a-f]{6})`, "i").exec(css)?.[1];
      expect(declared?.toLowerCase()).toBe(COLOUR_SWATCH[c].background.toLowerCase());
    }
  });
  it("computes known contrast ratios", () => {
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBeCloseTo(1, 5);
  });
});

describe("dates", () => {
  it("reckons the day in Asia/Shanghai, not UTC", () => {
    expect(dayInZone(new Date("2026-05-03T16:30:00Z"))).toBe("2026-05-04");
    expect(dayInZone(new Date("2026-05-03T15:59:59Z"))).toBe("2026-05-03");
  });
  it("accepts only real calendar days", () => {
    expect(isIsoDay("2026-02-28")).toBe(true);
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2028-02-29")).toBe(true);
    expect(isIsoDay("2026-13-01")).toBe(false);
    expect(isIsoDay("26-1-1")).toBe(false);
  });
  it("adds days across months and years", () => {
    expect(addDays("2026-12-25", 7)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("review cadence", () => {
  it("uses 7/15/30/90 days by colour", () => {
    expect(defaultNextReview("red", "2026-11-25")).toBe("2026-12-02");
    expect(defaultNextReview("blue", "2026-11-25")).toBe("2027-02-23");
  });
  it("flags open risks past their review day, but not on the day itself or once closed", () => {
    expect(isReviewOverdue({ status: "controlling", nextReviewDate: "2026-11-24" }, "2026-11-25")).toBe(true);
    expect(isReviewOverdue({ status: "controlling", nextReviewDate: "2026-11-25" }, "2026-11-25")).toBe(false);
    expect(isReviewOverdue({ status: "closed", nextReviewDate: "2026-01-01" }, "2026-11-25")).toBe(false);
  });
  it("rejects review dates in the past or beyond the colour's cadence", () => {
    expect(checkNextReview("red", "2026-11-24", "2026-11-25")?.key).toBe("reviewInPast");
    expect(checkNextReview("red", "2026-12-03", "2026-11-25")).toEqual({
      key: "reviewTooLate",
      values: { days: 7, latest: "2026-12-02" },
    });
    expect(checkNextReview("red", "2026-12-02", "2026-11-25")).toBeNull();
  });
  it("needs a reason only when colour or status changes", () => {
    expect(reasonRequired({ colour: "blue", status: "controlling" }, { colour: "red", status: "controlling" })).toBe(
      true,
    );
    expect(reasonRequired({ colour: "blue", status: "controlling" }, { colour: "blue", status: "resolved" })).toBe(
      true,
    );
    expect(reasonRequired({ colour: "blue", status: "controlling" }, { colour: "blue", status: "controlling" })).toBe(
      false,
    );
  });
});

describe("risk codes", () => {
  it("formats and parses YL-2026-00042", () => {
    expect(formatRiskCode("YL", 2026, 42)).toBe("YL-2026-00042");
    expect(parseRiskCode("YL-2026-00042")).toEqual({ prefix: "YL", year: 2026, sequence: 42 });
    expect(parseRiskCode("YL-2026-42")).toBeNull();
  });
  it("reads a URL segment, refusing malformed percent-encoding", () => {
    expect(codeFromParam("YL-2026-00001")).toBe("YL-2026-00001");
    expect(codeFromParam("%E0%A4%A")).toBeNull();
    // A NUL, a newline or a page of text is no code: it names nothing, on either store.
    expect(codeFromParam("YL%00")).toBeNull();
    expect(codeFromParam("YL%0A2026")).toBeNull();
    expect(codeFromParam("Y".repeat(65))).toBeNull();
    expect(codeFromParam("")).toBeNull();
  });
  it("takes as a code only a short string without control characters", () => {
    expect(riskCodeOf("甲-2026-00001")).toBe("甲-2026-00001");
    for (const bad of [undefined, 42, "\u0000", "a\u007Fb", "x".repeat(65), ""]) expect(riskCodeOf(bad)).toBeNull();
  });
  it("continues the year's sequence and restarts in a new year", () => {
    expect(nextRiskCode("YL", 2026, "YL-2026-00041")).toBe("YL-2026-00042");
    expect(nextRiskCode("YL", 2027, "YL-2026-00041")).toBe("YL-2027-00001");
    expect(nextRiskCode("YL", 2026, undefined)).toBe("YL-2026-00001");
    expect(nextRiskCode("YL", 2026, "YL-2026-99999")).toBe("YL-2026-100000");
  });
});

describe("search", () => {
  it("splits terms on any whitespace and drops control characters", () => {
    expect(queryTerms("  城镇燃气 \t 神木 ")).toEqual(["城镇燃气", "神木"]);
    expect(queryTerms("燃\u0000气'\"")).toEqual(["燃", "气'\""]);
  });
  it("escapes LIKE wildcards", () => {
    expect(likeContains("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
  it("quotes FTS phrases", () => {
    expect(ftsPhrase('a"b')).toBe('"a""b"');
  });
  it("indexes overlapping character pairs per run of letters", () => {
    expect(bigramText("城镇燃气,GAS")).toBe("城镇 镇燃 燃气 ga as");
    expect(isBigramTerm("燃气")).toBe(true);
    expect(isBigramTerm("燃")).toBe(false);
    expect(isBigramTerm("燃%")).toBe(false);
  });
});
