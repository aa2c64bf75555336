import { describe, expect, it } from "vitest";
import type { Colour, RiskStatus } from "@/lib/domain/colours";
import type { Assessment } from "@/lib/domain/grading";
import {
  planAcknowledge,
  planDetails,
  planGrade,
  planReview,
  planStatus,
  type RiskFacts,
} from "@/lib/domain/risk-workflow";

const NOW = new Date("2026-12-03T02:00:00Z");
const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({
  colour: "yellow",
  status: "controlling",
  ackPending: false,
  assessment: null,
  nextReviewDate: "2026-12-20",
  ...over,
});
const direct = (colour: Colour): Assessment => ({ method: "direct", score: null, computed: null, colour });
const grade = (current: RiskFacts, to: Colour) =>
  planGrade(current, { assessment: direct(to), reason: "复核", nextReviewDate: "2026-12-10", now: NOW });

describe("planGrade: the acknowledgement rule for reds", () => {
  it("a rise to red awaits a leader's acknowledgement and says it escalated", () => {
    for (const from of ["orange", "yellow", "blue"] as const) {
      const plan = grade(facts({ colour: from }), "red");
      expect(plan.set.ackPending).toBe(true);
      expect(plan.events[0].data).toMatchObject({ escalatedToRed: true });
    }
  });

  it("re-grading a red as red keeps the flag as it was: an acknowledged red stays acknowledged", () => {
    expect(grade(facts({ colour: "red", ackPending: false }), "red").set.ackPending).toBe(false);
    expect(grade(facts({ colour: "red", ackPending: true }), "red").set.ackPending).toBe(true);
    expect(grade(facts({ colour: "red" }), "red").events[0].data).toMatchObject({ escalatedToRed: false });
  });

  it("leaving red clears the flag, and no other grading raises it", () => {
    for (const to of ["orange", "yellow", "blue"] as const) {
      expect(grade(facts({ colour: "red", ackPending: true }), to).set.ackPending).toBe(false);
      expect(grade(facts({ colour: "blue" }), to).set.ackPending).toBe(false);
    }
  });

  it("sets the colour, the assessment and the next review at once, and records both sides", () => {
    const previous = direct("yellow");
    const plan = grade(facts({ colour: "yellow", assessment: previous, nextReviewDate: "2026-12-20" }), "orange");
    expect(plan.set).toMatchObject({
      colour: "orange",
      assessment: direct("orange"),
      nextReviewDate: "2026-12-10",
      lastReviewedAt: NOW,
    });
    expect(plan.events).toEqual([
      {
        action: "grade",
        field: "colour",
        oldValue: "yellow",
        newValue: "orange",
        reason: "复核",
        data: {
          assessment: direct("orange"),
          previous,
          nextReviewDate: { from: "2026-12-20", to: "2026-12-10" },
          escalatedToRed: false,
        },
      },
    ]);
  });
});

describe("planReview", () => {
  it("moves only the review dates and keeps the colour in the event", () => {
    const plan = planReview(facts({ colour: "red", ackPending: true }), {
      note: "无变化",
      nextReviewDate: "2026-12-10",
      now: NOW,
    });
    expect(plan.set).toEqual({ nextReviewDate: "2026-12-10", lastReviewedAt: NOW });
    expect(plan.events).toEqual([
      {
        action: "review",
        field: "nextReviewDate",
        oldValue: "2026-12-20",
        newValue: "2026-12-10",
        reason: "无变化",
        data: { colour: "red" },
      },
    ]);
  });
});

describe("planStatus", () => {
  const step = (from: RiskStatus, to: RiskStatus) => planStatus(facts({ status: from }), { status: to, reason: "r" });

  it("follows the lifecycle and names a reopening as such", () => {
    expect(step("identified", "controlling")).toMatchObject({
      set: { status: "controlling" },
      events: [{ action: "status", oldValue: "identified", newValue: "controlling" }],
    });
    expect(step("closed", "controlling")).toMatchObject({ events: [{ action: "reopen" }] });
  });

  it("refuses a step the lifecycle does not allow, and a step to the same status", () => {
    expect(step("identified", "closed")).toEqual({ error: "invalidTransition" });
    expect(step("controlling", "controlling")).toEqual({ error: "invalidTransition" });
  });
});

describe("planAcknowledge", () => {
  it("clears a pending red and records the instruction (批示), or none", () => {
    expect(planAcknowledge(facts({ colour: "red", ackPending: true }), { instruction: "立即整改" })).toEqual({
      set: { ackPending: false },
      events: [
        {
          action: "acknowledge",
          field: "ackPending",
          oldValue: true,
          newValue: false,
          reason: "立即整改",
          data: { colour: "red" },
        },
      ],
    });
    expect(planAcknowledge(facts({ colour: "red", ackPending: true }), { instruction: "" })).toMatchObject({
      events: [{ reason: null }],
    });
  });

  it("refuses when nothing awaits acknowledgement", () => {
    expect(planAcknowledge(facts({ colour: "red", ackPending: false }), { instruction: "x" })).toEqual({
      error: "notPending",
    });
  });
});

describe("planDetails", () => {
  const details = {
    title: "神木市城镇燃气管网老化风险",
    description: "",
    areaId: 3,
    regionId: 4,
    responsibleUnitId: 7,
    responsiblePerson: "张伟",
    coUnitIds: [2, 5],
  };
  it("one event per changed field, with old and new values; the form's other fields are not details", () => {
    const plan = planDetails(details, {
      input: { ...details, regionId: 9, coUnitIds: [2], reason: "x" } as typeof details,
      reason: "划归神木市",
    });
    expect(plan).toEqual({
      set: { ...details, regionId: 9, coUnitIds: [2] },
      events: [
        { action: "update", field: "regionId", oldValue: 4, newValue: 9, reason: "划归神木市" },
        { action: "update", field: "coUnitIds", oldValue: [2, 5], newValue: [2], reason: "划归神木市" },
      ],
    });
  });
  it("refuses an edit that changes nothing, and records an empty reason as none", () => {
    expect(planDetails(details, { input: details, reason: "" })).toEqual({ error: "noChange" });
    const plan = planDetails(details, { input: { ...details, title: "新标题" }, reason: "" });
    expect("events" in plan && plan.events[0].reason).toBeNull();
  });
});
