import { describe, expect, it } from "vitest";
import {
  boardFromCounts,
  buildBoard,
  cellKey,
  compareBoards,
  replay,
  rollBack,
  type BoardEvent,
  type RiskState,
} from "@/lib/domain/board";

/**
 * A hand-computed fixture: two areas (1 = 城镇燃气, 2 = 道路交通) × two regions (10 = 榆阳区,
 * 20 = 神木市), five risks, and a short history. Expected values were worked out on paper.
 */
const created = (
  riskId: number,
  areaId: number,
  regionId: number,
  colour: RiskState["colour"],
  status: RiskState["status"] = "identified",
): BoardEvent => ({
  riskId,
  action: "create",
  field: null,
  newValue: { code: `YL-2026-0000${riskId}`, areaId, regionId, colour, status },
});
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
    expect(now.cells.get(cellKey(1, 10))).toEqual({
      counts: { red: 1, orange: 0, yellow: 1, blue: 0 },
      top: "red",
      open: 2,
    });
    expect(now.cells.get(cellKey(1, 20))).toEqual({
      counts: { red: 0, orange: 0, yellow: 1, blue: 0 },
      top: "yellow",
      open: 1,
    });
    expect(now.cells.get(cellKey(2, 20))).toEqual({
      counts: { red: 0, orange: 0, yellow: 0, blue: 1 },
      top: "blue",
      open: 1,
    });
  });
  it("gives the same board from SQL-style counts as from the risks themselves", () => {
    const counts = [
      { areaId: 1, regionId: 10, colour: "red" as const, n: 1 },
      { areaId: 1, regionId: 10, colour: "yellow" as const, n: 1 },
      { areaId: 1, regionId: 20, colour: "yellow" as const, n: 1 },
      { areaId: 2, regionId: 20, colour: "blue" as const, n: 1 },
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
    const later = history
      .slice(T1)
      .map((e, i) => ({ ...e, oldValue: old[T1 + i] ?? null }))
      .reverse();
    expect(buildBoard(rollBack(present, later).values())).toEqual(asOfT1);
  });
  it("replays onto a stored snapshot the same as from the beginning", () => {
    const snapshot = replay(new Map(), history.slice(0, T1));
    const copy = new Map([...snapshot].map(([k, v]) => [k, { ...v }]));
    expect(buildBoard(replay(copy, history.slice(T1)).values())).toEqual(now);
  });
});

describe("weekly trend rules", () => {
  it("summarises open risks per cell and sums them for the city, an area or a region", async () => {
    const { summariseCells, sumCells } = await import("@/lib/domain/trend");
    const cells = summariseCells([
      { riskId: 1, areaId: 1, regionId: 10, colour: "red", status: "identified" },
      { riskId: 2, areaId: 1, regionId: 10, colour: "blue", status: "controlling" },
      { riskId: 3, areaId: 2, regionId: 10, colour: "red", status: "resolved" }, // not open: not counted
      { riskId: 4, areaId: 2, regionId: 11, colour: "yellow", status: "identified" },
    ]);
    expect(cells).toEqual([
      [1, 10, 1, 0, 0, 1],
      [2, 11, 0, 0, 1, 0],
    ]);
    expect(sumCells(cells)).toEqual({ red: 1, orange: 0, yellow: 1, blue: 1 });
    expect(sumCells(cells, { areaId: 2 })).toEqual({ red: 0, orange: 0, yellow: 1, blue: 0 });
    expect(sumCells(cells, { regionId: 10 })).toEqual({ red: 1, orange: 0, yellow: 0, blue: 1 });
    expect(sumCells(cells, { areaId: 1, regionId: 11 })).toEqual({ red: 0, orange: 0, yellow: 0, blue: 0 });
  });

  it("steps back through ISO weeks in the city's zone", async () => {
    const { mondayOf, recentWeekStarts } = await import("@/lib/domain/dates");
    expect(mondayOf("2026-11-25")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(mondayOf("2026-11-22")).toBe("2026-11-16");
    // 2026-11-22 17:00 UTC is already Monday 01:00 in Shanghai.
    expect(recentWeekStarts(Date.parse("2026-11-22T17:00:00Z"), 3)).toEqual(["2026-11-09", "2026-11-16", "2026-11-23"]);
  });

  it("reads the trend's query, dropping and naming what it does not know", async () => {
    const { parseTrendQuery } = await import("@/lib/validation/board-query");
    const known = { areas: new Set([1, 2]), regions: new Set([10]) };
    expect(parseTrendQuery({}, known)).toEqual({ area: undefined, region: undefined, weeks: 26, ignored: [] });
    expect(parseTrendQuery({ area: "2", region: "10", weeks: "52" }, known)).toEqual({
      area: 2,
      region: 10,
      weeks: 52,
      ignored: [],
    });
    expect(parseTrendQuery({ area: "9", region: "1e1", weeks: "7" }, known)).toEqual({
      area: undefined,
      region: undefined,
      weeks: 26,
      ignored: ["area", "region", "weeks"],
    });
  });
});

describe("the presenter's path through changed cells", () => {
  it("visits the changes in reading order, categories before domains, and wraps round", async () => {
    const { changedStops, nextStop } = await import("@/lib/domain/presenter");
    const groups = [
      { group: "category", areaIds: [1, 2] },
      { group: "domain", areaIds: [30, 31] },
    ];
    const changed = new Set(["2:10", "1:11", "31:10", "99:10"]); // 99 is not on the board
    const stops = changedStops(groups, [10, 11], changed);
    expect(stops).toEqual([
      { group: "category", row: 0, col: 1 },
      { group: "category", row: 1, col: 0 },
      { group: "domain", row: 1, col: 0 },
    ]);
    const order = ["category", "domain"];
    expect(nextStop(stops, order, null, 1)).toEqual(stops[0]);
    expect(nextStop(stops, order, null, -1)).toEqual(stops[2]);
    expect(nextStop(stops, order, stops[0], 1)).toEqual(stops[1]);
    expect(nextStop(stops, order, stops[1], 1)).toEqual(stops[2]); // crosses into the domains
    expect(nextStop(stops, order, stops[2], 1)).toEqual(stops[0]); // wraps round
    expect(nextStop(stops, order, stops[0], -1)).toEqual(stops[2]);
    // From an unchanged cell: the next change after it, or the last one before it.
    expect(nextStop(stops, order, { group: "category", row: 0, col: 0 }, 1)).toEqual(stops[0]);
    expect(nextStop(stops, order, { group: "domain", row: 0, col: 1 }, -1)).toEqual(stops[1]);
    expect(nextStop([], order, null, 1)).toBeNull();
  });
});
