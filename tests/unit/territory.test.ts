import { describe, expect, it } from "vitest";
import { boardFromCounts, type CellCount } from "@/lib/domain/board";
import { d, HAND_MADE_TERRITORY } from "../support/hand-made-territory";
import {
  boardColumns,
  divisionLabel,
  findDivisions,
  buildTerritory,
  columnOf,
  homeDivision,
  isWithin,
  officialDivision,
  pathTo,
  regionInScope,
  resolveDivision,
  rollUpBoard,
  subtreeIds,
  type Division,
} from "@/lib/domain/territory";

// The hand-made tree of tests/support/hand-made-territory.ts (v2, village 7, retired).
const T = HAND_MADE_TERRITORY;

// Open risks where they are registered: area 10 and 11, at every level.
const registered: CellCount[] = [
  { areaId: 10, regionId: 1, colour: "blue", n: 1 }, // 市本级
  { areaId: 10, regionId: 2, colour: "yellow", n: 2 }, // 县本级 of A
  { areaId: 10, regionId: 4, colour: "orange", n: 1 }, // town a1 itself
  { areaId: 10, regionId: 6, colour: "red", n: 1 }, // village v1
  { areaId: 10, regionId: 7, colour: "blue", n: 3 }, // the retired village v2
  { areaId: 11, regionId: 5, colour: "yellow", n: 4 }, // town a2
  { areaId: 11, regionId: 9, colour: "red", n: 2 }, // village w1 under B
];
const board = boardFromCounts(registered);
const counts = (b: ReturnType<typeof rollUpBoard>, areaId: number, col: number) =>
  b.cells.get(`${areaId}:${col}`)?.counts;

describe("the territory tree", () => {
  it("walks from the root down to a division, and knows what is inside what", () => {
    expect(pathTo(T, 6).map((x) => x.id)).toEqual([1, 2, 4, 6]);
    expect(pathTo(T, 99)).toEqual([]);
    expect(isWithin(T, 6, 2)).toBe(true);
    expect(isWithin(T, 6, 3)).toBe(false);
    expect(isWithin(T, 2, 2)).toBe(true);
    expect(subtreeIds(T, 2).sort()).toEqual([2, 4, 5, 6, 7]);
    expect(subtreeIds(T, 9)).toEqual([9]);
  });

  it("survives a loop in bad data instead of hanging", () => {
    const looped = buildTerritory([d(1, 2, "town"), d(2, 1, "town")]);
    expect(pathTo(looped, 1).length).toBeLessThanOrEqual(2);
    expect(subtreeIds(looped, 1).length).toBeLessThanOrEqual(2);
  });

  it("a risk counts in its own level's column (本级) or under the child on its way down, nowhere outside", () => {
    expect(columnOf(T, 1, 1)).toBe(1);
    expect(columnOf(T, 1, 6)).toBe(2);
    expect(columnOf(T, 2, 6)).toBe(4);
    expect(columnOf(T, 4, 6)).toBe(6);
    expect(columnOf(T, 2, 2)).toBe(2);
    expect(columnOf(T, 2, 9)).toBeNull();
    expect(columnOf(T, 5, 6)).toBeNull();
  });

  it("columns: the division itself, then its active children, and a retired child only while it still counts", () => {
    expect(boardColumns(T, 4).map((x) => x.id)).toEqual([4, 6]);
    expect(boardColumns(T, 4, new Set([7])).map((x) => x.id)).toEqual([4, 6, 7]);
    expect(boardColumns(T, 99)).toEqual([]);
  });
});

describe("rolling the board up", () => {
  it("the city board has 本级 and one column per county, each counting its whole subtree", () => {
    const city = rollUpBoard(T, board, 1);
    expect(counts(city, 10, 1)).toEqual({ red: 0, orange: 0, yellow: 0, blue: 1 });
    expect(counts(city, 10, 2)).toEqual({ red: 1, orange: 1, yellow: 2, blue: 3 });
    expect(counts(city, 11, 2)).toEqual({ red: 0, orange: 0, yellow: 4, blue: 0 });
    expect(counts(city, 11, 3)).toEqual({ red: 2, orange: 0, yellow: 0, blue: 0 });
    expect(city.totals).toEqual(board.totals);
    expect(city.cells.get("10:2")?.top).toBe("red");
  });

  it("at every level, a column equals 本级 plus the columns below it", () => {
    for (const node of [1, 2, 3, 4, 8]) {
      const here = rollUpBoard(T, board, node);
      for (const child of boardColumns(T, node, new Set([7])).slice(1)) {
        const below = rollUpBoard(T, board, child.id);
        expect(here.byRegion.get(child.id) ?? { red: 0, orange: 0, yellow: 0, blue: 0 }).toEqual(below.totals);
      }
    }
  });

  it("a county's board leaves out the other county's risks; a village's risk shows in its town, county and city only", () => {
    const a = rollUpBoard(T, board, 2);
    expect(a.totals.red).toBe(1);
    expect(counts(a, 10, 4)).toEqual({ red: 1, orange: 1, yellow: 0, blue: 3 });
    expect(counts(a, 10, 2)).toEqual({ red: 0, orange: 0, yellow: 2, blue: 0 });
    const b = rollUpBoard(T, board, 3);
    expect(b.totals).toEqual({ red: 2, orange: 0, yellow: 0, blue: 0 });
    expect(rollUpBoard(T, board, 5).totals.red).toBe(0);
  });
});

describe("scopes reach down the tree", () => {
  it("a county's scope holds its towns and villages, a town's only the town", () => {
    expect(regionInScope(T, [2], 6)).toBe(true);
    expect(regionInScope(T, [2], 9)).toBe(false);
    expect(regionInScope(T, [4], 6)).toBe(true);
    expect(regionInScope(T, [4], 5)).toBe(false);
    expect(regionInScope(T, [4], 2)).toBe(false);
    expect(regionInScope(T, [], 6)).toBe(false);
  });

  it("a person's board opens at the lowest division holding their whole scope", () => {
    expect(homeDivision(T, [2])).toBe(2);
    expect(homeDivision(T, [6, 7])).toBe(4);
    expect(homeDivision(T, [6, 9])).toBe(1);
    expect(homeDivision(T, [])).toBe(1);
  });
});

describe("official division codes", () => {
  it("reads the 12-digit code in the short form the lists keep, with its level and parent", () => {
    expect(officialDivision("610800000000")).toEqual({ code: "610800", level: "city", parentCode: null });
    expect(officialDivision("610802000000")).toEqual({ code: "610802", level: "county", parentCode: "610800" });
    expect(officialDivision("610802001000")).toEqual({ code: "610802001", level: "town", parentCode: "610802" });
    expect(officialDivision("610802001201")).toEqual({
      code: "610802001201",
      level: "village",
      parentCode: "610802001",
    });
    expect(officialDivision("610802")).toEqual({ code: "610802", level: "county", parentCode: "610800" });
  });
  it.each(["", "61080", "6108020010", "abc802000000", "610000000000", " 61080200100 ", "610802000"])(
    "refuses %j",
    (raw) => expect(officialDivision(raw)).toBeNull(),
  );
});

describe("finding a division by typing", () => {
  const named = buildTerritory(
    [
      [1, null, "city", "610800", "榆林市", "Yulin"],
      [2, 1, "county", "610802", "榆阳区", "Yuyang"],
      [3, 2, "town", "610802001", "青云镇", "Qingyun"],
      [4, 3, "village", "610802001001", "青云村", "Qingyun village"],
      [5, 2, "town", "610802002", "镇川镇", "Zhenchuan"],
      [6, 5, "village", "610802002001", "青云村", "Qingyun village", false],
    ].map(([id, parentId, level, code, nameZh, nameEn, active]) => ({
      id: id as number,
      parentId: parentId as number | null,
      level: level as Division["level"],
      code: code as string,
      nameZh: nameZh as string,
      nameEn: nameEn as string,
      active: active !== false,
    })),
  );
  it("by name or code prefix, exact names and higher levels first, with the path that tells namesakes apart", () => {
    expect(findDivisions(named, "青云").map((d) => d.id)).toEqual([3, 4, 6]);
    expect(findDivisions(named, "青云村").map((d) => d.id)).toEqual([4, 6]);
    expect(findDivisions(named, "610802002").map((d) => d.id)).toEqual([5, 6]);
    expect(findDivisions(named, "qingyun v").map((d) => d.id)).toEqual([4, 6]);
    expect(findDivisions(named, "  ")).toEqual([]);
    expect(divisionLabel(named, 6, (d) => d.nameZh)).toBe("榆阳区 › 镇川镇 › 青云村");
    expect(divisionLabel(named, 1, (d) => d.nameZh)).toBe("榆林市");
  });
  it("only among the divisions allowed, and only active ones when asked", () => {
    expect(findDivisions(named, "青云", { allowed: new Set([4, 6]), activeOnly: true }).map((d) => d.id)).toEqual([4]);
    expect(findDivisions(named, "镇", { limit: 1 })).toHaveLength(1);
  });
  it("resolves a typed text (a form sent without script) to one division, or says why not", () => {
    expect(resolveDivision(named, "榆阳区 › 镇川镇 › 青云村")).toEqual({ ok: true, id: 6 });
    expect(resolveDivision(named, " yuyang ›  qingyun › qingyun village ")).toEqual({ ok: true, id: 4 });
    expect(resolveDivision(named, "610802001001")).toEqual({ ok: true, id: 4 });
    expect(resolveDivision(named, "镇川镇")).toEqual({ ok: true, id: 5 });
    expect(resolveDivision(named, "镇川")).toEqual({ ok: true, id: 5 }); // the one a search finds
    expect(resolveDivision(named, "青云村")).toEqual({ ok: false, error: "divisionAmbiguous" });
    expect(resolveDivision(named, "青云村", { activeOnly: true })).toEqual({ ok: true, id: 4 });
    expect(resolveDivision(named, "神木市")).toEqual({ ok: false, error: "divisionNotFound" });
    expect(resolveDivision(named, "  ")).toEqual({ ok: false, error: "divisionNotFound" });
    expect(resolveDivision(named, "镇川镇", { allowed: new Set([3, 4]) })).toEqual({
      ok: false,
      error: "divisionNotFound",
    });
  });
});
