import { describe, expect, it } from "vitest";
import { isColour } from "@/lib/domain/colours";
import { contrastRatio } from "@/lib/domain/contrast";
import { cell, exportVersion, escapeText, uncell } from "@/lib/domain/csv";
import { assess, DEFAULT_THRESHOLDS, isValidInputs, thresholdsAreOrdered } from "@/lib/domain/grading";
import { allowedTransitions, canTransition, isReopening } from "@/lib/domain/lifecycle";
import { isMeasureOverdue } from "@/lib/domain/measures";
import { canEditMeeting, isMeetingType, isTaskOverdue } from "@/lib/domain/meetings";
import { nextRiskCode } from "@/lib/domain/risk-code";
import { checkNextReview } from "@/lib/domain/risk-rules";
import { bigramText, charLength, isBigramTerm, normaliseQuery, queryTerms } from "@/lib/domain/search";
import { cleanTyped, normaliseText } from "@/lib/domain/text";
import { afterFailure, lockRemainingMs } from "@/lib/domain/throttle";
import { classifyWeek, groupDeltas, overdueAt, type AnalysisEvent } from "@/lib/domain/weekly-analysis";

/** The small rules at their edges; each expected value is the documented rule, written out. */

describe("the lifecycle (识别 → 管控中 → 已化解 → 已销号, reopening allowed)", () => {
  it("allows exactly the documented steps", () => {
    expect(allowedTransitions("identified")).toEqual(["controlling", "resolved"]);
    expect(allowedTransitions("controlling")).toEqual(["resolved"]);
    expect(allowedTransitions("resolved")).toEqual(["closed", "controlling"]);
    expect(allowedTransitions("closed")).toEqual(["controlling"]);
    expect(canTransition("closed", "resolved")).toBe(false);
    expect(canTransition("controlling", "identified")).toBe(false);
  });
  it("calls only a step from resolved or closed back to controlling a reopening", () => {
    expect(isReopening("resolved", "controlling")).toBe(true);
    expect(isReopening("closed", "controlling")).toBe(true);
    expect(isReopening("identified", "controlling")).toBe(false);
    expect(isReopening("resolved", "closed")).toBe(false);
    expect(isReopening("closed", "identified")).toBe(false);
  });
});

describe("overdue measures, tasks and reviews", () => {
  const today = "2026-12-02";
  it("makes a measure overdue the day after its due day, unless done or undated", () => {
    expect(isMeasureOverdue({ status: "planned", dueDate: "2026-12-01" }, today)).toBe(true);
    expect(isMeasureOverdue({ status: "in_progress", dueDate: "2026-12-01" }, today)).toBe(true);
    expect(isMeasureOverdue({ status: "planned", dueDate: today }, today)).toBe(false);
    expect(isMeasureOverdue({ status: "done", dueDate: "2026-11-01" }, today)).toBe(false);
    expect(isMeasureOverdue({ status: "planned", dueDate: null }, today)).toBe(false);
  });
  it("makes a meeting task overdue the day after its due day, unless done", () => {
    expect(isTaskOverdue({ status: "open", dueDate: "2026-12-01" }, today)).toBe(true);
    expect(isTaskOverdue({ status: "open", dueDate: today }, today)).toBe(false);
    expect(isTaskOverdue({ status: "done", dueDate: "2026-12-01" }, today)).toBe(false);
  });
  it("accepts a next review day of today but not yesterday", () => {
    expect(checkNextReview("yellow", today, today)).toBeNull();
    expect(checkNextReview("yellow", "2026-12-01", today)).toEqual({ key: "reviewInPast" });
  });
  it("lists reviews past due at a week's end, earliest first, from the set day or the colour's cadence", () => {
    const marks = [
      { riskId: 2, at: 0, day: "2026-11-01", colour: "red" as const, nextReviewDate: "2026-11-20" },
      { riskId: 1, at: 0, day: "2026-11-01", colour: "red" as const, nextReviewDate: "2026-11-20" },
      { riskId: 3, at: 0, day: "2026-11-01", colour: "blue" as const, nextReviewDate: null }, // due 2027-01-30
      { riskId: 4, at: 0, day: "2026-11-20", colour: "red" as const, nextReviewDate: null }, // due 2026-11-27
      { riskId: 5, at: 0, day: "2026-11-01", colour: "red" as const, nextReviewDate: "2026-11-30" }, // due on the end day
    ];
    const out = overdueAt(marks, "2026-11-30", { red: 7, orange: 15, yellow: 30, blue: 90 });
    expect(out.map((m) => [m.riskId, m.due])).toEqual([
      [1, "2026-11-20"],
      [2, "2026-11-20"],
      [4, "2026-11-27"],
    ]);
  });
});

describe("meetings", () => {
  it("knows the three meeting types and nothing else", () => {
    expect(["monthly_review", "dispatch", "ad_hoc"].every(isMeetingType)).toBe(true);
    expect([1, "weekly", "", null].some(isMeetingType)).toBe(false);
  });
  it("lets an open meeting's record be edited and a closed one's not", () => {
    expect(canEditMeeting({ status: "open" })).toBe(true);
    expect(canEditMeeting({ status: "closed" })).toBe(false);
  });
});

describe("the week's changes (周分析)", () => {
  const ev = (seq: number, action: string, oldValue: unknown, newValue: unknown): AnalysisEvent => ({
    seq,
    at: seq,
    riskId: seq,
    action,
    field: null,
    oldValue,
    newValue,
    reason: null,
    actorName: "officer",
  });
  it("sorts gradings into escalations and de-escalations by severity, and ignores re-grading the same colour", () => {
    const w = classifyWeek([
      ev(1, "grade", "yellow", "orange"),
      ev(2, "grade", "red", "blue"),
      ev(3, "grade", "red", "red"),
      ev(4, "grade", null, "red"),
      ev(5, "grade", "red", "purple"),
      ev(6, "update", "red", "blue"),
    ]);
    expect(w.escalations.map((c) => [c.seq, c.from, c.to])).toEqual([[1, "yellow", "orange"]]);
    expect(w.deescalations.map((c) => [c.seq, c.from, c.to])).toEqual([[2, "red", "blue"]]);
    expect(w.created).toEqual([]);
    expect(w.resolved).toEqual([]);
  });
  it("lists new risks with their colour (or none) and risks resolved or closed by a status step", () => {
    const w = classifyWeek([
      ev(1, "create", null, { colour: "red" }),
      ev(2, "create", null, null),
      ev(3, "status", "controlling", "resolved"),
      ev(4, "status", "resolved", "closed"),
      ev(5, "status", "identified", "controlling"),
      ev(6, "reopen", "closed", "resolved"),
    ]);
    expect(w.created.map((c) => [c.seq, c.colour])).toEqual([
      [1, "red"],
      [2, null],
    ]);
    expect(w.resolved.map((r) => [r.seq, r.status])).toEqual([
      [3, "resolved"],
      [4, "closed"],
    ]);
  });
  it("sums cell summaries per area or per region at the two moments", () => {
    const before: Array<[number, number, number, number, number, number]> = [
      [1, 10, 1, 0, 0, 0],
      [2, 10, 0, 1, 0, 0],
    ];
    const after: Array<[number, number, number, number, number, number]> = [[1, 20, 0, 0, 2, 0]];
    expect(groupDeltas(before, after, "area")).toEqual([
      { id: 1, before: { red: 1, orange: 0, yellow: 0, blue: 0 }, now: { red: 0, orange: 0, yellow: 2, blue: 0 } },
      { id: 2, before: { red: 0, orange: 1, yellow: 0, blue: 0 }, now: { red: 0, orange: 0, yellow: 0, blue: 0 } },
    ]);
    expect(groupDeltas(before, after, "region")).toEqual([
      { id: 10, before: { red: 1, orange: 1, yellow: 0, blue: 0 }, now: { red: 0, orange: 0, yellow: 0, blue: 0 } },
      { id: 20, before: { red: 0, orange: 0, yellow: 0, blue: 0 }, now: { red: 0, orange: 0, yellow: 2, blue: 0 } },
    ]);
  });
});

describe("sign-in backoff at its edges", () => {
  const now = 1_000_000_000;
  it("has no lock without a state or without a lock, and counts a lock down to zero", () => {
    expect(lockRemainingMs(undefined, now)).toBe(0);
    expect(lockRemainingMs({ failures: 9, lastFailureAt: now, lockedUntil: null }, now)).toBe(0);
    expect(lockRemainingMs({ failures: 9, lastFailureAt: now, lockedUntil: now + 5 }, now)).toBe(5);
    expect(lockRemainingMs({ failures: 9, lastFailureAt: now, lockedUntil: now - 5 }, now)).toBe(0);
  });
  it("starts counting again after a quiet 15 minutes, but not while a lock is still running", () => {
    const fifteen = 15 * 60_000;
    expect(afterFailure({ failures: 4, lastFailureAt: now - fifteen - 1, lockedUntil: null }, now, 5).failures).toBe(1);
    expect(afterFailure({ failures: 4, lastFailureAt: now - fifteen, lockedUntil: null }, now, 5).failures).toBe(5);
    expect(afterFailure({ failures: 9, lastFailureAt: now - fifteen - 1, lockedUntil: now + 1 }, now, 5).failures).toBe(
      10,
    );
  });
});

describe("words and text", () => {
  it("knows the four colours by their stored names only", () => {
    expect(["red", "orange", "yellow", "blue"].every(isColour)).toBe(true);
    expect(["purple", "Red", "", 4, null].some(isColour)).toBe(false);
  });
  it("keeps text with LF line breaks and no surrounding space, from CRLF or a lone CR", () => {
    expect(normaliseText("  a\r\nb\rc\nd  ")).toBe("a\nb\nc\nd");
  });
  it("cleans typed names: controls and invisible characters out, trimmed, at most 64 characters (code points)", () => {
    expect(cleanTyped(" ad\u0000mi\u200bn\u202e ")).toBe("admin");
    expect(cleanTyped("王".repeat(70))).toBe("王".repeat(64));
    expect(cleanTyped("😀".repeat(70), 3)).toBe("😀😀😀");
  });
  it("normalises a search query and splits it into terms", () => {
    expect(normaliseQuery(" 燃气\u0000管道\t\n  泄漏 ")).toBe("燃气 管道 泄漏");
    expect(normaliseQuery("a".repeat(150))).toHaveLength(100);
    // Cut at 100 characters, with no space left dangling at the cut.
    expect(normaliseQuery(`${"a".repeat(99)}  b`)).toBe("a".repeat(99));
    expect(queryTerms("  燃气   管道 ")).toEqual(["燃气", "管道"]);
    expect(queryTerms(" \u0000 ")).toEqual([]);
    expect(charLength("燃气😀")).toBe(3);
    expect(isBigramTerm("燃气")).toBe(true);
    expect(isBigramTerm("燃气管")).toBe(false);
    expect(isBigramTerm("x燃气")).toBe(false);
    expect(bigramText("城镇燃气 AB")).toBe("城镇 镇燃 燃气 ab");
    expect(bigramText("")).toBe("");
  });
  it("writes CSV cells with the formula guard and escapes, and reads them back", () => {
    expect(cell(null)).toBe("");
    expect(cell(undefined)).toBe("");
    expect(cell(0)).toBe("0");
    expect(cell("=1+1")).toBe(`"'=1+1"`);
    expect(escapeText("a\\b\u0007")).toBe("a\\\\b\\u0007");
    expect(uncell("", false)).toBeNull();
    expect(uncell("", true)).toBe("");
    expect(uncell("'=1", true)).toBe("=1");
    expect(exportVersion("# sise-export v2 history")).toBe(2);
    expect(exportVersion("# sise-export v1")).toBe(1);
    expect(exportVersion("# sise-export v12")).toBeNull();
    expect(exportVersion("x # sise-export v2")).toBeNull();
  });
  it("measures contrast of #RRGGBB colours only", () => {
    expect(contrastRatio("#FFFFFF", "#000000")).toBeCloseTo(21, 5);
    // WCAG 2's piecewise sRGB curve: a dark channel (10/255 ≤ 0.04045) is divided by 12.92.
    expect(contrastRatio("#FFFFFF", "#0A0A0A")).toBeCloseTo(1.05 / (10 / 255 / 12.92 + 0.05), 5);
    expect(contrastRatio("#C62828", "#FFFFFF")).toBeCloseTo(5.62, 2);
    expect(() => contrastRatio("x#FFFFFF", "#000000")).toThrow("not a #RRGGBB colour: x#FFFFFF");
    expect(() => contrastRatio("#FFFFFF0", "#000000")).toThrow();
  });
});

describe("grading and codes at their edges", () => {
  it("numbers codes on from the last of the same prefix and year, else from 1", () => {
    expect(nextRiskCode("YL", 2026, "YL-2026-00041")).toBe("YL-2026-00042");
    expect(nextRiskCode("YL", 2027, "YL-2026-00041")).toBe("YL-2027-00001");
    expect(nextRiskCode("SM", 2026, "YL-2026-00041")).toBe("SM-2026-00001");
    expect(nextRiskCode("YL", 2026, undefined)).toBe("YL-2026-00001");
  });
  it("refuses thresholds that are not all positive and rising", () => {
    expect(thresholdsAreOrdered(DEFAULT_THRESHOLDS)).toBe(true);
    expect(thresholdsAreOrdered({ ...DEFAULT_THRESHOLDS, lec: { yellow: -1, orange: 160, redAbove: 320 } })).toBe(
      false,
    );
    expect(thresholdsAreOrdered({ ...DEFAULT_THRESHOLDS, lec: { yellow: 0, orange: 160, redAbove: 320 } })).toBe(false);
    // The matrix's highest score is 5 × 5: red may start there, not beyond.
    expect(thresholdsAreOrdered({ ...DEFAULT_THRESHOLDS, matrix: { yellow: 4, orange: 10, red: 25 } })).toBe(true);
    expect(thresholdsAreOrdered({ ...DEFAULT_THRESHOLDS, lec: { yellow: 70, orange: 60, redAbove: 320 } })).toBe(false);
    expect(thresholdsAreOrdered({ ...DEFAULT_THRESHOLDS, matrix: { yellow: 4, orange: 10, red: 26 } })).toBe(false);
    expect(thresholdsAreOrdered({ ...DEFAULT_THRESHOLDS, matrix: { yellow: 12, orange: 10, red: 20 } })).toBe(false);
  });
  it("takes direct judgement, LEC and matrix inputs from their tables only", () => {
    expect(isValidInputs({ method: "direct" })).toBe(true);
    expect(isValidInputs({ method: "lec", l: 0.1, e: 0.5, c: 1 })).toBe(true);
    expect(isValidInputs({ method: "lec", l: 0.3, e: 0.5, c: 1 })).toBe(false);
    expect(isValidInputs({ method: "lec", l: 1, e: 4, c: 1 })).toBe(false);
    expect(isValidInputs({ method: "lec", l: 1, e: 1, c: 2 })).toBe(false);
    expect(isValidInputs({ method: "matrix", likelihood: 5, severity: 5 })).toBe(true);
    expect(isValidInputs({ method: "matrix", likelihood: 6, severity: 1 })).toBe(false);
    expect(isValidInputs({ method: "matrix", likelihood: 1, severity: 0 })).toBe(false);
    expect(isValidInputs({ method: "other" } as never)).toBe(false);
  });
  it("keeps the override reason trimmed, and needs one with words in it", () => {
    const lec = { method: "lec" as const, l: 10, e: 6, c: 15 }; // D = 900 → red
    expect(assess(lec, "blue", "  ")).toEqual({ ok: false, error: "overrideReasonRequired" });
    const r = assess(lec, "blue", "  已停产整顿  ");
    expect(r.ok && r.assessment.overrideReason).toBe("已停产整顿");
    const same = assess(lec, "red", "  ignored ");
    expect(same.ok && "overrideReason" in same.assessment).toBe(false);
  });
});
