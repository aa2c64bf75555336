import { describe, expect, it } from "vitest";
import { boardFromSummary, isTaskOverdue } from "@/lib/domain/meetings";
import {
  fileableDays,
  planReportFiling,
  reportDeadline,
  reportStanding,
  summariseCompliance,
} from "@/lib/domain/reporting";
import { isoWeekOf, mondayOfIsoWeek } from "@/lib/domain/weeks";
import { classifyWeek, groupDeltas, overdueAt } from "@/lib/domain/weekly-analysis";
import { parseReportForm } from "@/lib/validation/report";
import { splitAttendees } from "@/lib/validation/meeting";

const form = (o: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) for (const x of [v].flat()) f.append(k, x);
  return f;
};

describe("ISO weeks", () => {
  it("names weeks by the year of their Thursday, across year ends", () => {
    expect(isoWeekOf("2026-11-25")).toMatchObject({ label: "2026-W48", monday: "2026-11-23" });
    expect(isoWeekOf("2027-01-01").label).toBe("2026-W53"); // 2026 has 53 ISO weeks
    expect(isoWeekOf("2025-12-29").label).toBe("2026-W01");
    expect(mondayOfIsoWeek("2026-W01")).toBe("2025-12-29");
    expect(mondayOfIsoWeek("2026-W53")).toBe("2026-12-28");
    expect(mondayOfIsoWeek("2025-W53")).toBeUndefined(); // 2025 has only 52
    expect(mondayOfIsoWeek("2026-W00")).toBeUndefined();
    expect(mondayOfIsoWeek("2026-47")).toBeUndefined();
    // The last years a four-digit day can name: 9999 has 52 weeks, and a "W53" would begin in 10000
    // (found by the e2e property test as a 500 from /api/exports/analysis).
    expect(mondayOfIsoWeek("9999-W52")).toBe("9999-12-27");
    expect(mondayOfIsoWeek("9999-W53")).toBeUndefined();
    expect(mondayOfIsoWeek("1900-W01")).toBe("1900-01-01");
  });
});

describe("daily report standing", () => {
  const deadline = reportDeadline("2026-11-25", "17:00", "Asia/Shanghai");
  it("puts the deadline at the cut-off, city time", () => {
    expect(new Date(deadline).toISOString()).toBe("2026-11-25T09:00:00.000Z");
  });
  it("reads the first report: on time (with items or zero), late; none: pending, then missing", () => {
    expect(
      reportStanding(
        { kind: "items", filedAt: deadline - 1, deadlineAt: deadline },
        { nowMs: deadline + 5, deadlineMs: deadline },
      ),
    ).toBe("reported");
    expect(
      reportStanding(
        { kind: "zero", filedAt: deadline, deadlineAt: deadline },
        { nowMs: deadline + 5, deadlineMs: deadline },
      ),
    ).toBe("zero");
    expect(
      reportStanding(
        { kind: "zero", filedAt: deadline + 1, deadlineAt: deadline },
        { nowMs: deadline + 5, deadlineMs: deadline },
      ),
    ).toBe("late");
    expect(reportStanding(undefined, { nowMs: deadline, deadlineMs: deadline })).toBe("pending");
    expect(reportStanding(undefined, { nowMs: deadline + 1, deadlineMs: deadline })).toBe("missing");
  });
  it("rates compliance over the days already due", () => {
    expect(summariseCompliance(["reported", "zero", "late", "missing", "pending"])).toEqual({
      onTime: 2,
      late: 1,
      missing: 1,
      due: 4,
      rate: 0.5,
    });
    expect(summariseCompliance(["pending"]).rate).toBeNull();
  });
  it("lets a unit file for today and the six days before", () => {
    expect(fileableDays("2026-11-25")).toEqual([
      "2026-11-25",
      "2026-11-24",
      "2026-11-23",
      "2026-11-22",
      "2026-11-21",
      "2026-11-20",
      "2026-11-19",
    ]);
  });
});

describe("the filing form", () => {
  const base = { unitId: "3", day: "2026-11-25", note: "" };
  it("takes a zero report with no rows, and drops empty rows", () => {
    expect(parseReportForm(form({ ...base, kind: "zero", itemKind: "incident", itemRisk: "", itemText: "" }))).toEqual({
      ok: true,
      unitId: 3,
      day: "2026-11-25",
      kind: "zero",
      note: "",
      items: [],
    });
  });
  it("names every problem at its own field", () => {
    const r = parseReportForm(
      form({
        ...base,
        day: "2026-02-30",
        kind: "zero",
        itemKind: ["incident", "bogus"],
        itemRisk: ["", "yl-2026-00001"],
        itemText: ["泄漏", ""],
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.fieldErrors).toEqual({
        day: [{ key: "invalidDate" }],
        "itemKind-1": [{ key: "invalidChoice" }],
        "itemText-1": [{ key: "required" }],
      });
    const zeroWithItems = parseReportForm(
      form({ ...base, kind: "zero", itemKind: "incident", itemRisk: "", itemText: "泄漏" }),
    );
    expect(!zeroWithItems.ok && zeroWithItems.fieldErrors).toEqual({ kind: [{ key: "zeroWithItems" }] });
    const noItems = parseReportForm(form({ ...base, kind: "items" }));
    expect(!noItems.ok && noItems.fieldErrors).toEqual({ items: [{ key: "itemsRequired" }] });
    const noKind = parseReportForm(form({ ...base }));
    expect(!noKind.ok && noKind.fieldErrors).toEqual({ kind: [{ key: "reportKindRequired" }] });
  });
  it("keeps each row's place, so a later error lands on the right row", () => {
    const r = parseReportForm(
      form({
        ...base,
        kind: "items",
        itemKind: ["incident", "other"],
        itemRisk: ["", " yl-2026-00001 "],
        itemText: ["", "复查"],
      }),
    );
    expect(r.ok && r.items).toEqual([{ kind: "other", riskCode: "YL-2026-00001", text: "复查", row: 1 }]);
  });
});

describe("the week read off the history", () => {
  const e = (seq: number, action: string, oldValue: unknown, newValue: unknown) => ({
    seq,
    at: seq,
    riskId: seq,
    action,
    field: null,
    oldValue,
    newValue,
    reason: `r${seq}`,
    actorName: "张伟",
  });
  it("sorts grade events into escalations and de-escalations by severity, and ignores confirmations", () => {
    const w = classifyWeek([
      e(1, "grade", "blue", "yellow"),
      e(2, "grade", "red", "orange"),
      e(3, "grade", "yellow", "yellow"),
      e(4, "create", null, { colour: "red" }),
      e(5, "status", "controlling", "closed"),
      e(6, "status", "identified", "controlling"),
      e(7, "review", null, "2026-12-01"),
    ]);
    expect(w.escalations.map((x) => x.seq)).toEqual([1]);
    expect(w.deescalations.map((x) => x.seq)).toEqual([2]);
    expect(w.created).toEqual([{ seq: 4, at: 4, riskId: 4, colour: "red", actorName: "张伟" }]);
    expect(w.resolved.map((x) => [x.seq, x.status])).toEqual([[5, "closed"]]);
  });
  it("takes the due day the last review set, else the cadence from it", () => {
    const marks = [
      { riskId: 1, at: 0, day: "2026-11-01", colour: "red" as const, nextReviewDate: "2026-11-20" },
      { riskId: 2, at: 0, day: "2026-11-01", colour: "red" as const, nextReviewDate: null }, // due 11-08
      { riskId: 3, at: 0, day: "2026-11-01", colour: "blue" as const, nextReviewDate: null }, // due 2027-01-30
      { riskId: 4, at: 0, day: "2026-11-01", colour: "yellow" as const, nextReviewDate: "2026-11-16" },
    ];
    expect(
      overdueAt(marks, "2026-11-16", { red: 7, orange: 15, yellow: 30, blue: 90 }).map((m) => [m.riskId, m.due]),
    ).toEqual([[2, "2026-11-08"]]);
  });
  it("adds cells up per area and per region at two moments", () => {
    const g = groupDeltas(
      [[1, 10, 1, 0, 0, 0]],
      [
        [1, 10, 0, 1, 0, 0],
        [2, 10, 0, 0, 0, 3],
      ],
      "region",
    );
    expect(g).toEqual([
      { id: 10, before: { red: 1, orange: 0, yellow: 0, blue: 0 }, now: { red: 0, orange: 1, yellow: 0, blue: 3 } },
    ]);
  });
});

describe("meetings", () => {
  it("rebuilds a frozen board from its cells", () => {
    const b = boardFromSummary([
      [1, 10, 1, 2, 0, 0],
      [2, 10, 0, 0, 0, 4],
    ]);
    expect(b.totals).toEqual({ red: 1, orange: 2, yellow: 0, blue: 4 });
    expect(b.cells.get("1:10")?.top).toBe("red");
  });
  it("marks a task overdue only once its day has passed and it is still open", () => {
    expect(isTaskOverdue({ status: "open", dueDate: "2026-11-24" }, "2026-11-25")).toBe(true);
    expect(isTaskOverdue({ status: "open", dueDate: "2026-11-25" }, "2026-11-25")).toBe(false);
    expect(isTaskOverdue({ status: "done", dueDate: "2026-11-01" }, "2026-11-25")).toBe(false);
  });
  it("reads attendees one per line or separated by 、 and commas", () => {
    expect(splitAttendees("市应急管理局 王强\n市公安局、市交通运输局, 市水利局\n\n市公安局")).toEqual([
      "市应急管理局 王强",
      "市公安局",
      "市交通运输局",
      "市水利局",
    ]);
  });
});

describe("filing a report", () => {
  const base = { unitActive: true, namedRisks: 0, foundRisks: 0, earlierReports: 0, nowMs: 1000, deadlineAt: 1000 };
  it("the first is the filing, on time up to and including the deadline's millisecond; later ones are supplements", () => {
    expect(planReportFiling(base)).toEqual({ action: "report.file", late: false, supplement: false });
    expect(planReportFiling({ ...base, nowMs: 1001 })).toEqual({
      action: "report.file",
      late: true,
      supplement: false,
    });
    expect(planReportFiling({ ...base, earlierReports: 1, nowMs: 5000 })).toEqual({
      action: "report.supplement",
      late: true,
      supplement: true,
    });
  });
  it("refuses an inactive unit, and a report naming a risk that is not there", () => {
    expect(planReportFiling({ ...base, unitActive: false })).toEqual({ error: "unknownUnit" });
    expect(planReportFiling({ ...base, namedRisks: 2, foundRisks: 1 })).toEqual({ error: "unknownRisk" });
  });
});
