import { describe, expect, it } from "vitest";
import {
  boardFromCounts,
  buildBoard,
  compareBoards,
  compareCell,
  replay,
  rollBack,
  topColour,
  type Cell,
  type ReversibleEvent,
  type RiskState,
} from "@/lib/domain/board";
import { boardFromSummary } from "@/lib/domain/meetings";
import { boardCounts, cellsOfBoard, summariseCells } from "@/lib/domain/trend";

/** The board's edges, each expected value worked out by hand. */
const risk = (
  riskId: number,
  areaId: number,
  regionId: number,
  colour: RiskState["colour"],
  status: RiskState["status"] = "identified",
): RiskState => ({ riskId, areaId, regionId, colour, status });
const cell = (top: Cell["top"], counts: Partial<Cell["counts"]> = {}): Cell => {
  const c = { red: 0, orange: 0, yellow: 0, blue: 0, ...counts };
  return { counts: c, top, open: c.red + c.orange + c.yellow + c.blue };
};

describe("a cell's colour", () => {
  it("is the most severe colour with a count, whatever order the counts arrive in", () => {
    expect(topColour({ red: 0, orange: 0, yellow: 2, blue: 1 })).toBe("yellow");
    expect(topColour({ red: 1, orange: 0, yellow: 0, blue: 3 })).toBe("red");
    expect(topColour({ red: 0, orange: 0, yellow: 0, blue: 0 })).toBeNull();
    const b = boardFromCounts([
      { areaId: 1, regionId: 1, colour: "blue", n: 1 },
      { areaId: 1, regionId: 1, colour: "orange", n: 1 },
      { areaId: 1, regionId: 1, colour: "yellow", n: 1 },
      { areaId: 1, regionId: 1, colour: "orange", n: 2 },
    ]);
    expect(b.cells.get("1:1")).toEqual(cell("orange", { blue: 1, orange: 3, yellow: 1 }));
  });
  it("ignores count rows of zero (a GROUP BY never gives them, a stored summary may)", () => {
    const b = boardFromCounts([
      { areaId: 1, regionId: 1, colour: "red", n: 0 },
      { areaId: 2, regionId: 1, colour: "blue", n: 1 },
    ]);
    expect([...b.cells.keys()]).toEqual(["2:1"]);
    expect(b.totals).toEqual({ red: 0, orange: 0, yellow: 0, blue: 1 });
    expect(b.byArea.has(1)).toBe(false);
  });
  it("counts identified and controlling risks and leaves resolved and closed ones off", () => {
    const b = buildBoard([
      risk(1, 1, 1, "red", "resolved"),
      risk(2, 1, 1, "orange", "closed"),
      risk(3, 1, 1, "blue", "controlling"),
      risk(4, 1, 1, "yellow"),
    ]);
    expect(b.cells.get("1:1")).toEqual(cell("yellow", { yellow: 1, blue: 1 }));
  });
});

describe("replaying and rolling back the history", () => {
  const create = (riskId: number | null, v: unknown) => ({
    riskId,
    action: "create",
    field: null,
    newValue: v,
    oldValue: null,
  });
  it("starts a risk only from a complete create event", () => {
    const s = replay(new Map(), [
      create(1, { areaId: 1, regionId: 2, colour: "red", status: "identified" }),
      create(2, { areaId: 1, regionId: 2, status: "identified" }),
      create(3, { areaId: 1, regionId: 2, colour: "red" }),
      create(4, { areaId: "1", regionId: 2, colour: "red", status: "identified" }),
      create(5, { areaId: 1, regionId: "2", colour: "red", status: "identified" }),
      create(6, null),
      create(null, { areaId: 1, regionId: 2, colour: "red", status: "identified" }),
    ]);
    expect([...s.values()]).toEqual([risk(1, 1, 2, "red")]);
  });
  it("moves each field only on the event that owns it", () => {
    const start = () => new Map([[1, risk(1, 1, 1, "blue")]]);
    const after = (action: string, field: string | null, newValue: unknown) =>
      replay(start(), [{ riskId: 1, action, field, newValue }]).get(1);
    expect(after("grade", "colour", "red")).toEqual(risk(1, 1, 1, "red"));
    expect(after("update", "colour", "red")).toEqual(risk(1, 1, 1, "blue"));
    expect(after("grade", "status", "closed")).toEqual(risk(1, 1, 1, "blue"));
    expect(after("status", "status", "controlling")).toEqual(risk(1, 1, 1, "blue", "controlling"));
    expect(after("reopen", "status", "controlling")).toEqual(risk(1, 1, 1, "blue", "controlling"));
    expect(after("review", "status", "closed")).toEqual(risk(1, 1, 1, "blue"));
    expect(after("update", "areaId", 7)).toEqual(risk(1, 7, 1, "blue"));
    expect(after("update", "regionId", "8")).toEqual(risk(1, 1, 8, "blue"));
    expect(after("grade", "areaId", 7)).toEqual(risk(1, 1, 1, "blue"));
    expect(after("status", "regionId", 8)).toEqual(risk(1, 1, 1, "blue"));
    expect(after("update", "title", "x")).toEqual(risk(1, 1, 1, "blue"));
  });
  it("ignores events of a risk it does not know, and events of no risk", () => {
    const s = replay(new Map([[1, risk(1, 1, 1, "blue")]]), [
      { riskId: 2, action: "grade", field: "colour", newValue: "red" },
      { riskId: null, action: "grade", field: "colour", newValue: "red" },
    ]);
    expect([...s.entries()]).toEqual([[1, risk(1, 1, 1, "blue")]]);
  });
  it("rolls each field back to its old value and removes created risks", () => {
    const now = new Map([
      [1, risk(1, 7, 8, "red", "controlling")],
      [2, risk(2, 1, 1, "blue")],
    ]);
    const events: ReversibleEvent[] = [
      { riskId: 2, action: "create", field: null, newValue: {}, oldValue: null },
      { riskId: 1, action: "update", field: "regionId", newValue: 8, oldValue: 2 },
      { riskId: 1, action: "update", field: "areaId", newValue: 7, oldValue: "1" },
      { riskId: 1, action: "status", field: "status", newValue: "controlling", oldValue: "identified" },
      { riskId: 1, action: "grade", field: "colour", newValue: "red", oldValue: "yellow" },
      { riskId: 3, action: "grade", field: "colour", newValue: "red", oldValue: "yellow" },
      { riskId: null, action: "create", field: null, newValue: null, oldValue: null },
    ];
    expect([...rollBack(now, events).entries()]).toEqual([[1, risk(1, 1, 2, "yellow", "identified")]]);
  });
});

describe("comparing boards", () => {
  it("marks a cell up, down, new, cleared or the same by its top colour", () => {
    expect(compareCell(cell("yellow"), cell("orange"))).toBe("up");
    expect(compareCell(cell("orange"), cell("yellow"))).toBe("down");
    expect(compareCell(cell("blue"), cell("blue", { blue: 3 }))).toBe("same");
    expect(compareCell(undefined, cell("blue"))).toBe("new");
    expect(compareCell(cell("red"), undefined)).toBe("cleared");
    expect(compareCell(undefined, undefined)).toBe("same");
  });
  it("lists only the cells that changed", () => {
    const before = boardFromCounts([
      { areaId: 1, regionId: 1, colour: "blue", n: 1 },
      { areaId: 1, regionId: 2, colour: "red", n: 1 },
      { areaId: 1, regionId: 3, colour: "red", n: 1 },
    ]);
    const after = boardFromCounts([
      { areaId: 1, regionId: 1, colour: "blue", n: 2 },
      { areaId: 1, regionId: 2, colour: "yellow", n: 1 },
      { areaId: 2, regionId: 2, colour: "blue", n: 1 },
    ]);
    expect([...compareBoards(before, after).entries()].sort()).toEqual([
      ["1:2", "down"],
      ["1:3", "cleared"],
      ["2:2", "new"],
    ]);
  });
});

describe("cell summaries (weeks and meeting snapshots)", () => {
  const states = [
    risk(1, 2, 5, "red"),
    risk(2, 1, 9, "blue"),
    risk(3, 2, 1, "yellow"),
    risk(4, 1, 9, "blue"),
    risk(5, 10, 1, "orange"),
    risk(6, 1, 9, "red", "closed"),
  ];
  const expected = [
    [1, 9, 0, 0, 0, 2],
    [2, 1, 0, 0, 1, 0],
    [2, 5, 1, 0, 0, 0],
    [10, 1, 0, 1, 0, 0],
  ];
  it("summarises open risks per cell, ordered by area then region (numerically)", () => {
    expect(summariseCells(states)).toEqual(expected);
  });
  it("gives the same summaries from a board, and the board back from them", () => {
    const board = buildBoard(states);
    expect(cellsOfBoard(board)).toEqual(expected);
    expect(boardFromSummary(cellsOfBoard(board))).toEqual(board);
  });
  it("reads the city's, an area's, a region's or one cell's counts off a board, zeros where there is nothing", () => {
    const board = buildBoard(states);
    expect(boardCounts(board)).toEqual({ red: 1, orange: 1, yellow: 1, blue: 2 });
    expect(boardCounts(board, { areaId: 2 })).toEqual({ red: 1, orange: 0, yellow: 1, blue: 0 });
    expect(boardCounts(board, { regionId: 1 })).toEqual({ red: 0, orange: 1, yellow: 1, blue: 0 });
    expect(boardCounts(board, { areaId: 2, regionId: 5 })).toEqual({ red: 1, orange: 0, yellow: 0, blue: 0 });
    expect(boardCounts(board, { areaId: 3, regionId: 5 })).toEqual({ red: 0, orange: 0, yellow: 0, blue: 0 });
    expect(boardCounts(board, { areaId: 3 })).toEqual({ red: 0, orange: 0, yellow: 0, blue: 0 });
  });
});
