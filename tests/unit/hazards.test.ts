import { describe, expect, it } from "vitest";
import {
  fiveInPlaceComplete,
  isOverdue,
  isRefusal,
  planAcceptance,
  planAssignRectification,
  planExtendDeadline,
  planFiveInPlace,
  planInspectionDone,
  planSubmitRectification,
  planSupervise,
  rectificationRate,
  type HazardFacts,
  type HazardPlan,
  hazardCodeOf,
  inspectionCodeOf,
  suggestsRegrade,
  rollUpHazards,
} from "@/lib/domain/hazards";

// The hazard loop's rules (lib/domain/hazards.ts): every transition, every refusal.
const today = "2026-12-06";
const now = new Date("2026-12-06T02:00:00Z");
const five = {
  targets: "封闭采空区",
  funds: "30 万元",
  people: "矿安全科 3 人",
  timing: "12 月底前",
  safety: "撤人预案",
};
const found = (over: Partial<HazardFacts> = {}): HazardFacts => ({
  status: "found",
  grade: "general",
  fiveInPlace: null,
  deadline: null,
  rectifiedBy: null,
  failedAcceptances: 0,
  supervision: null,
  ...over,
});
const plan = (r: ReturnType<typeof planAssignRectification>): HazardPlan => {
  if (isRefusal(r)) throw new Error(`refused: ${r.error}`);
  return r;
};
const assign = { unitId: 3, person: "王强", deadline: "2026-12-20", today };
const acceptance = { type: "expert" as const, completedOn: "2026-12-18", costWan: 12.5, opinion: "符合要求" };

describe("the hazard loop: found → rectifying → accepting → closed", () => {
  it("assigns rectification to a unit, a person and a deadline, recorded in the history", () => {
    const p = plan(planAssignRectification(found(), assign));
    expect(p.set).toMatchObject({
      status: "rectifying",
      rectifyUnitId: 3,
      rectifyPerson: "王强",
      deadline: "2026-12-20",
    });
    expect(p.events.map((e) => e.action)).toEqual(["hazard.status", "hazard.assign"]);
    expect(p.events[0]).toMatchObject({ oldValue: "found", newValue: "rectifying" });
  });

  it("refuses rectification of a major hazard until all five 落实 are in, then allows it", () => {
    const major = found({ grade: "major" });
    expect(planAssignRectification(major, assign)).toEqual({ error: "fiveInPlaceMissing" });
    expect(planAssignRectification({ ...major, fiveInPlace: { ...five, funds: " " } }, assign)).toEqual({
      error: "fiveInPlaceMissing",
    });
    expect(fiveInPlaceComplete(five)).toBe(true);
    expect(plan(planAssignRectification({ ...major, fiveInPlace: five }, assign)).set.status).toBe("rectifying");
  });

  it("records the five 落实 for a major hazard only, and not once it is closed", () => {
    const p = plan(planFiveInPlace(found({ grade: "major" }), { fiveInPlace: five }));
    expect(p.set.fiveInPlace).toEqual(five);
    expect(p.events[0]).toMatchObject({ action: "hazard.five", oldValue: null, newValue: five });
    expect(planFiveInPlace(found(), { fiveInPlace: five })).toEqual({ error: "notMajor" });
    expect(planFiveInPlace(found({ grade: "major", status: "closed" }), { fiveInPlace: five })).toEqual({
      error: "invalidTransition",
    });
  });

  it("refuses a deadline in the past, and assignment from any state but found", () => {
    expect(planAssignRectification(found(), { ...assign, deadline: "2026-12-05" })).toEqual({
      error: "deadlineInPast",
    });
    for (const status of ["rectifying", "accepting", "closed"] as const)
      expect(planAssignRectification(found({ status }), assign)).toEqual({ error: "invalidTransition" });
  });

  it("extends a deadline only later, only with a reason, only while rectifying", () => {
    const rectifying = found({ status: "rectifying", deadline: "2026-12-20" });
    const p = plan(planExtendDeadline(rectifying, { deadline: "2027-01-10", reason: "设备到货延迟" }));
    expect(p.set.deadline).toBe("2027-01-10");
    expect(p.events[0]).toMatchObject({ action: "hazard.extend", oldValue: "2026-12-20", reason: "设备到货延迟" });
    expect(planExtendDeadline(rectifying, { deadline: "2027-01-10", reason: "  " })).toEqual({
      error: "reasonRequired",
    });
    expect(planExtendDeadline(rectifying, { deadline: "2026-12-20", reason: "x" })).toEqual({
      error: "deadlineNotLater",
    });
    expect(planExtendDeadline(found(), { deadline: "2027-01-10", reason: "x" })).toEqual({
      error: "invalidTransition",
    });
  });

  it("submits the rectification with the measures taken, remembering who did it", () => {
    const p = plan(
      planSubmitRectification(found({ status: "rectifying" }), { measuresTaken: "已更换阀门", userId: 7, now }),
    );
    expect(p.set).toMatchObject({ status: "accepting", measuresTaken: "已更换阀门", rectifiedBy: 7, rectifiedAt: now });
    expect(planSubmitRectification(found({ status: "rectifying" }), { measuresTaken: " ", userId: 7, now })).toEqual({
      error: "reasonRequired",
    });
    expect(planSubmitRectification(found(), { measuresTaken: "x", userId: 7, now })).toEqual({
      error: "invalidTransition",
    });
  });

  it("refuses acceptance by the rectifier; a failed acceptance returns it with the reason; a pass closes it", () => {
    const waiting = found({ status: "accepting", rectifiedBy: 7, deadline: "2026-12-20" });
    expect(planAcceptance(waiting, { passed: true, acceptance, userId: 7, now })).toEqual({
      error: "ownRectification",
    });
    expect(planAcceptance(waiting, { passed: false, reason: "", userId: 9 })).toEqual({ error: "reasonRequired" });
    const failed = plan(planAcceptance(waiting, { passed: false, reason: "阀门仍有渗漏", userId: 9 }));
    expect(failed.set).toMatchObject({ status: "rectifying", failedAcceptances: 1, rectifiedBy: null });
    expect(failed.events[0]).toMatchObject({ oldValue: "accepting", newValue: "rectifying", reason: "阀门仍有渗漏" });
    const passed = plan(planAcceptance(waiting, { passed: true, acceptance, userId: 9, now }));
    expect(passed.set).toMatchObject({ status: "closed", acceptance, closedAt: now });
    expect(passed.events.map((e) => e.action)).toEqual(["hazard.accept", "hazard.status"]);
    for (const status of ["found", "rectifying", "closed"] as const)
      expect(planAcceptance(found({ status }), { passed: true, acceptance, userId: 9, now })).toEqual({
        error: "invalidTransition",
      });
  });

  it("places a major, open hazard under supervision with a level, a unit and a deadline", () => {
    const s = { level: "city" as const, unitId: 4, deadline: "2027-01-31", today };
    const p = plan(planSupervise(found({ grade: "major" }), s));
    expect(p.set.supervision).toEqual({ level: "city", unitId: 4, deadline: "2027-01-31" });
    expect(planSupervise(found(), s)).toEqual({ error: "notMajor" });
    expect(planSupervise(found({ grade: "major", status: "closed" }), s)).toEqual({ error: "invalidTransition" });
    expect(planSupervise(found({ grade: "major" }), { ...s, deadline: "2026-01-01" })).toEqual({
      error: "deadlineInPast",
    });
  });
});

describe("what leaders count", () => {
  it("calls a rectification overdue past its deadline until it is closed", () => {
    expect(isOverdue({ status: "rectifying", deadline: "2026-12-05" }, today)).toBe(true);
    expect(isOverdue({ status: "accepting", deadline: "2026-12-05" }, today)).toBe(true);
    expect(isOverdue({ status: "rectifying", deadline: today }, today)).toBe(false);
    expect(isOverdue({ status: "closed", deadline: "2026-12-05" }, today)).toBe(false);
    expect(isOverdue({ status: "found", deadline: null }, today)).toBe(false);
  });

  it("gives 整改率 as a percentage with one decimal, and none when nothing was found", () => {
    expect(rectificationRate(3, 2)).toBe(66.7);
    expect(rectificationRate(4, 4)).toBe(100);
    expect(rectificationRate(0, 0)).toBeNull();
  });
});

describe("an inspection's end", () => {
  const planned = { status: "planned" as const, hazardsFound: 0 };
  it("is done with its findings, or with nothing found said in so many words", () => {
    const found = planInspectionDone({ ...planned, hazardsFound: 2 }, { nothingFound: false, doneOn: today, today });
    expect(found).toMatchObject({ set: { status: "done", doneOn: today, nothingFound: false } });
    const nothing = planInspectionDone(planned, { nothingFound: true, doneOn: "2026-12-05", today });
    expect(nothing).toMatchObject({ set: { nothingFound: true } });
    expect((nothing as { events: Array<{ action: string }> }).events.map((e) => e.action)).toEqual([
      "inspection.done",
      "inspection.nothing",
    ]);
  });
  it("refuses nothing-found with findings, done without findings, a day to come, and a second end", () => {
    expect(planInspectionDone({ ...planned, hazardsFound: 1 }, { nothingFound: true, doneOn: today, today })).toEqual({
      error: "findingsRecorded",
    });
    expect(planInspectionDone(planned, { nothingFound: false, doneOn: today, today })).toEqual({ error: "noFindings" });
    expect(planInspectionDone(planned, { nothingFound: true, doneOn: "2026-12-07", today })).toEqual({
      error: "dayInFuture",
    });
    expect(
      planInspectionDone({ status: "done", hazardsFound: 0 }, { nothingFound: true, doneOn: today, today }),
    ).toEqual({
      error: "invalidTransition",
    });
  });
});

describe("the risk page's prompt to re-grade", () => {
  const h = (status: "found" | "rectifying" | "closed", grade: "general" | "major" = "general") => ({ status, grade });
  it("asks once three hazards are open, or any major one is", () => {
    expect(suggestsRegrade([h("found"), h("rectifying")])).toBe(false);
    expect(suggestsRegrade([h("found"), h("rectifying"), h("closed"), h("closed")])).toBe(false);
    expect(suggestsRegrade([h("found"), h("rectifying"), h("found")])).toBe(true);
    expect(suggestsRegrade([h("rectifying", "major")])).toBe(true);
    expect(suggestsRegrade([h("closed", "major")])).toBe(false);
  });
});

describe("codes as the pages take them", () => {
  it("accepts a hazard's or an inspection's code in any case, nothing else", () => {
    expect(hazardCodeOf(" yh-2026-00012 ")).toBe("YH-2026-00012");
    expect(hazardCodeOf("PC-2026-00012")).toBeNull();
    expect(hazardCodeOf("YH-2026-1")).toBeNull();
    expect(hazardCodeOf(42)).toBeNull();
    expect(inspectionCodeOf("pc-2026-00003")).toBe("PC-2026-00003");
    expect(inspectionCodeOf("YH-2026-00003")).toBeNull();
  });
});

describe("open hazards rolled up to a board's columns", () => {
  it("adds each place's counts into the column its division counts in, leaving out what is outside", () => {
    const at = (areaId: number, regionId: number, open: number, overdue = 0) => ({
      areaId,
      regionId,
      open,
      overdue,
      major: 0,
      supervised: open > 2 ? 1 : 0,
    });
    // Divisions 11 and 12 lie under column 10; 20 is its own column; 99 is outside the board.
    const column = (r: number) => (r === 11 || r === 12 || r === 10 ? 10 : r === 20 ? 20 : null);
    const { cells, totals } = rollUpHazards([at(1, 11, 2, 1), at(1, 12, 3), at(2, 20, 1), at(1, 99, 7, 7)], column);
    expect(cells.get("1:10")).toEqual({ open: 5, overdue: 1, major: 0, supervised: 1 });
    expect(cells.get("2:20")).toEqual({ open: 1, overdue: 0, major: 0, supervised: 0 });
    expect(cells.has("1:99")).toBe(false);
    expect(totals).toEqual({ open: 6, overdue: 1, major: 0, supervised: 1 });
  });
});
