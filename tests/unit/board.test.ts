import { describe, expect, it } from "vitest";
import { boardFromCounts, buildBoard, cellKey, compareBoards, replay, rollBack, type BoardEvent, type RiskState } from "@/lib/domain/board";

/**
 * A hand-computed fixture: two areas (1 = 城镇燃气, 2 = 道路交通) × two regions (10 = 榆阳区,
 * 20 = 神木市), five risks, and a short history. Expected values were worked out on paper.
 */
const created = (riskId: number, areaId: number, regionId: number, colour: RiskState["colour"], status: RiskState["status"] = "identified"): BoardEvent =>
  ({ riskId, action: "create", field: null, newValue: { code: `YL-2026-0000${riskId}`, areaId, regionId, colour, status } });
const history: BoardEvent[] = [
  created(1, 1, 10, "yellow"),
  created(2, 1, 10, "blue"),
  created(3, 2, 20, "orange", "controlling"),
  created(4, 2, 10, "blue"),
  // ── t1: the board here is the "last meeting" ──
  { riskId: 2, action: "grade", field: "colour", newValue: "red" }, // 1×10 rises yellow → red
  { riskId: 3, action: "status", field: "status", newValue: "resolved" }, // 2×20 empties
  created(5, 1, 20, "yellow"), // 1×20 appears
  { riskId: 4, action: "update", field: "regionId", newValue: 20 }, // moves 2×10 → 2×20
  { riskId: null, action: "auth.sign_in", field: null, newValue: null }, // not a risk event
  { riskId: 1, action: "review", field: "nextReviewDate", newValue: "2026-12-01" }, // no board effect
];
const T1 = 4;

describe("board aggregation", () => {
  const now = buildBoard(replay(new Map(), history).values());
  it("counts open risks per cell and colours each cell by its most severe risk", () => {
    expect(now.cells.get(cellKey(1, 10))).toEqual({ counts: { red: 1, orange: 0, yellow: 1, blue: 0 }, top: "red", open: 2 });
    expect(now.cells.get(cellKey(1, 20))).toEqual({ counts: { red: 0, orange: 0, yellow: 1, blue: 0 }, top: "yellow", open: 1 });
    expect(now.cells.get(cellKey(2, 20))).toEqual({ counts: { red: 0, orange: 0, yellow: 0, blue: 1 }, top: "blue", open: 1 });
  });
  it("gives the same board from SQL-style counts as from the risks themselves", () => {
    const counts = [
      { areaId: 1, regionId: 10, colour: "red" as const, n: 1 }, { areaId: 1, regionId: 10, colour: "yellow" as const, n: 1 },
      { areaId: 1, regionId: 20, colour: "yellow" as const, n: 1 }, { areaId: 2, regionId: 20, colour: "blue" as const, n: 1 },
    ];
    expect(boardFromCounts(counts)).toEqual(now);
  });
  it("leaves a cell with no open risk empty, not blue", () => {
    expect(now.cells.has(cellKey(2, 10))).toBe(false);
  });
  it("totals per colour, per area and per region count open risks only", () => {
    expect(now.totals).toEqual({ red: 1, orange: 0, yellow: 2, blue: 1 });
    expect(now.byArea.get(1)).toEqual({ red: 1, orange: 0, yellow: 2, blue: 0 });
    expect(now.byRegion.get(20)).toEqual({ red: 0, orange: 0, yellow: 1, blue: 1 });
  });
});

describe("as-of reconstruction and changes since", () => {
  const asOfT1 = buildBoard(replay(new Map(), history.slice(0, T1)).values());
  const now = buildBoard(replay(new Map(), history).values());
  it("rebuilds the board as it stood at t1 from the history", () => {
    expect(asOfT1.totals).toEqual({ red: 0, orange: 1, yellow: 1, blue: 2 });
    expect(asOfT1.cells.get(cellKey(1, 10))?.top).toBe("yellow");
    expect(asOfT1.cells.get(cellKey(2, 20))?.top).toBe("orange");
    expect(asOfT1.cells.has(cellKey(1, 20))).toBe(false);
  });
  it("marks escalated ↑, de-escalated ↓, new and cleared cells", () => {
    expect(Object.fromEntries(compareBoards(asOfT1, now))).toEqual({
      [cellKey(1, 10)]: "up", // yellow → red
      [cellKey(2, 20)]: "down", // orange resolved, the moved blue remains
      [cellKey(1, 20)]: "new",
      [cellKey(2, 10)]: "cleared", // the blue moved away
    });
  });
  it("walks back from the present to the same board as replaying forward", () => {
    const present = replay(new Map(), history);
    // The old values the fixture's later events replaced, as the history stores them.
    const old: Record<number, unknown> = { 4: "blue", 5: "controlling", 7: 10 };
    const later = history.slice(T1).map((e, i) => ({ ...e, oldValue: old[T1 + i] ?? null })).reverse();
    expect(buildBoard(rollBack(present, later).values())).toEqual(asOfT1);
  });
  it("replays onto a stored snapshot the same as from the beginning", () => {
    const snapshot = replay(new Map(), history.slice(0, T1));
    const copy = new Map([...snapshot].map(([k, v]) => [k, { ...v }]));
    expect(buildBoard(replay(copy, history.slice(T1)).values())).toEqual(now);
  });
});
