import { describe, expect, it } from "vitest";
import {
  colourReader,
  planImport,
  type ExistingRisk,
  type ImportContext,
  type ImportRow,
} from "@/lib/domain/import-plan";
import { DEFAULT_REVIEW_DAYS } from "@/lib/domain/review";

const existing: ExistingRisk = {
  id: 9,
  version: 4,
  code: "YL-2026-00009",
  title: "城镇燃气管网风险",
  description: "",
  areaId: 1,
  regionId: 10,
  colour: "yellow",
  status: "controlling",
  responsibleUnitId: 100,
  responsiblePerson: "张伟",
  coUnitIds: [],
  nextReviewDate: "2026-12-10",
};
const STATUS_WORDS: Record<string, "identified" | "controlling"> = {
  识别: "identified",
  管控中: "controlling",
  identified: "identified",
  controlling: "controlling",
};
const ctx: ImportContext = {
  areaByCode: new Map([
    ["S03", 1],
    ["S01", 2],
  ]),
  regionByCode: new Map([
    ["610802", 10],
    ["610881", 11],
  ]),
  unitByCode: new Map([
    ["U-ZJJ", 100],
    ["U-YJJ", 101],
  ]),
  existingByCode: new Map([[existing.code, existing]]),
  colourOf: colourReader({ red: ["红"], orange: ["橙"], yellow: ["黄"], blue: ["蓝"] }),
  statusOf: (w) => STATUS_WORDS[w] ?? null,
  canPlace: (areaId, regionId) => areaId === 1 && (regionId === 10 || regionId === 11),
  today: "2026-11-25",
  cadence: DEFAULT_REVIEW_DAYS,
};
const row = (line: number, cells: Record<string, string>): ImportRow => ({
  line,
  cells: {
    code: "",
    title: "新风险",
    description: "",
    area_code: "S03",
    region_code: "610802",
    colour: "黄",
    status: "",
    responsible_unit_code: "U-ZJJ",
    responsible_person: "李娜",
    co_unit_codes: "",
    next_review_date: "",
    ...cells,
  },
});

describe("import plan", () => {
  it("creates rows without a code, with the latest next review the colour allows", () => {
    const [p] = planImport([row(7, {})], ctx);
    expect(p).toMatchObject({
      line: 7,
      action: "create",
      values: { areaId: 1, regionId: 10, colour: "yellow", responsibleUnitId: 100, nextReviewDate: "2026-12-25" },
    });
  });

  it("updates only what differs, and leaves an identical row unchanged", () => {
    const same = row(8, {
      code: existing.code,
      title: existing.title,
      status: "管控中",
      next_review_date: "2026-12-10",
      responsible_person: "张伟",
    });
    const changed = row(9, {
      code: existing.code,
      title: "城镇燃气管网泄漏风险",
      colour: "红",
      status: "管控中",
      next_review_date: "2026-11-30",
      responsible_person: "张伟",
      co_unit_codes: "U-YJJ",
    });
    const plan = planImport([same], ctx).concat(planImport([changed], ctx));
    expect(plan[0]).toMatchObject({ action: "unchanged", code: existing.code });
    expect(plan[1]).toMatchObject({
      action: "update",
      riskId: 9,
      version: 4,
      changes: ["title", "coUnitIds", "colour", "nextReviewDate"],
    });
  });

  it("lists every error of a row, in keys with the values their messages need", () => {
    const [p] = planImport(
      [
        row(12, {
          title: "",
          area_code: "X99",
          colour: "紫",
          responsible_person: "",
          next_review_date: "2027-13-01",
          co_unit_codes: "U-YJJ;NOPE",
        }),
      ],
      ctx,
    );
    expect(p.action).toBe("error");
    expect(p.action === "error" && p.errors.map((e) => e.key).sort()).toEqual(
      ["badColour", "required", "required", "unknownCode", "unknownCode"].sort(),
    );
  });

  it("refuses invented codes, repeated codes, status changes, dates beyond the cadence and rows outside the scope", () => {
    const plan = planImport(
      [
        row(2, { code: "YL-2026-99999" }),
        row(3, { code: existing.code, status: "管控中", responsible_person: "张伟" }),
        row(4, { code: existing.code, status: "管控中", responsible_person: "张伟" }),
        row(5, { status: "管控中" }),
        row(6, { colour: "红", next_review_date: "2026-12-31" }),
        row(7, { region_code: "610881", area_code: "S01" }),
      ],
      ctx,
    );
    const keys = plan.map((p) => (p.action === "error" ? p.errors.map((e) => e.key) : p.action));
    expect(keys).toEqual([
      ["unknownRisk"],
      "update",
      ["duplicateCode"],
      ["statusNotImported"],
      ["dateOutOfCadence"],
      ["outOfScope"],
    ]);
  });
});

describe("import plan: every error with the values its message needs", () => {
  const errorsOf = (cells: Record<string, string>, more: ImportRow[] = []) => {
    const plan = planImport([...more, row(20, cells)], ctx);
    const p = plan[plan.length - 1];
    return p.action === "error" ? p.errors : p;
  };
  it("names the column of each missing or unknown cell", () => {
    expect(
      errorsOf({
        title: "",
        responsible_person: "",
        area_code: "",
        region_code: "X",
        responsible_unit_code: "",
        colour: "",
      }),
    ).toEqual([
      { key: "required", values: { column: "title" } },
      { key: "required", values: { column: "responsible_person" } },
      { key: "required", values: { column: "area_code" } },
      { key: "unknownCode", values: { column: "region_code", value: "X" } },
      { key: "required", values: { column: "responsible_unit_code" } },
      { key: "required", values: { column: "colour" } },
    ]);
  });
  it("gives each text its limit: 200 for the title, 50 for the person, 5,000 for the description", () => {
    expect(
      errorsOf({ title: "题".repeat(201), responsible_person: "人".repeat(51), description: "述".repeat(5001) }),
    ).toEqual([
      { key: "tooLong", values: { column: "title", max: 200 } },
      { key: "tooLong", values: { column: "responsible_person", max: 50 } },
      { key: "tooLong", values: { column: "description", max: 5000 } },
    ]);
    expect(
      errorsOf({ title: "题".repeat(200), responsible_person: "人".repeat(50), description: "述".repeat(5000) }),
    ).toMatchObject({ action: "create" });
  });
  it("reads co-units separated by ; ， , or ；, each once and in order, naming an unknown one", () => {
    expect(errorsOf({ co_unit_codes: " U-YJJ ；U-ZJJ,U-YJJ，" })).toMatchObject({
      action: "create",
      values: { coUnitIds: [100, 101] },
    });
    expect(errorsOf({ co_unit_codes: "U-YJJ;NOPE" })).toEqual([
      { key: "unknownCode", values: { column: "co_unit_codes", value: "NOPE" } },
    ]);
  });
  it("names a colour word it does not know, a code it does not have and a code given twice", () => {
    expect(errorsOf({ colour: "紫" })).toEqual([{ key: "badColour", values: { value: "紫" } }]);
    expect(errorsOf({ code: "YL-2026-99999" })).toEqual([{ key: "unknownRisk", values: { value: "YL-2026-99999" } }]);
    const first = row(5, {
      code: existing.code,
      title: existing.title,
      status: "管控中",
      next_review_date: "2026-12-10",
      responsible_person: "张伟",
    });
    expect(
      errorsOf(
        {
          code: existing.code,
          title: existing.title,
          status: "管控中",
          next_review_date: "2026-12-10",
          responsible_person: "张伟",
        },
        [first],
      ),
    ).toEqual([{ key: "duplicateCode", values: { value: existing.code, line: 5 } }]);
  });
  it("refuses a status it does not know, or one that differs from the stored one (a new risk starts identified)", () => {
    expect(errorsOf({ status: "已炸" })).toEqual([{ key: "badStatus", values: { value: "已炸" } }]);
    expect(errorsOf({ status: "管控中" })).toEqual([{ key: "statusNotImported", values: { value: "管控中" } }]);
    expect(errorsOf({ status: "识别" })).toMatchObject({ action: "create" });
    expect(
      errorsOf({
        code: existing.code,
        title: existing.title,
        responsible_person: "张伟",
        next_review_date: "2026-12-10",
        status: "识别",
      }),
    ).toEqual([{ key: "statusNotImported", values: { value: "识别" } }]);
  });
  it("takes a next review day from today to the colour's cadence, naming the latest allowed", () => {
    // Yellow: 30 days from 2026-11-25.
    expect(errorsOf({ next_review_date: "2026-12-25" })).toMatchObject({
      action: "create",
      values: { nextReviewDate: "2026-12-25" },
    });
    expect(errorsOf({ next_review_date: "2026-11-25" })).toMatchObject({ action: "create" });
    expect(errorsOf({ next_review_date: "2026-12-26" })).toEqual([
      { key: "dateOutOfCadence", values: { value: "2026-12-26", latest: "2026-12-25" } },
    ]);
    expect(errorsOf({ next_review_date: "2026-11-24" })).toEqual([
      { key: "dateOutOfCadence", values: { value: "2026-11-24", latest: "2026-12-25" } },
    ]);
    expect(errorsOf({ next_review_date: "2026-02-30" })).toEqual([{ key: "badDate", values: { value: "2026-02-30" } }]);
  });
  it("keeps a stored review day that is now past the cadence when the row leaves the colour alone", () => {
    const far = { ...existing, code: "YL-2026-00010", nextReviewDate: "2027-06-01" };
    const c = { ...ctx, existingByCode: new Map([[far.code, far]]) };
    const cells = {
      code: far.code,
      title: far.title,
      status: "管控中",
      responsible_person: "张伟",
      next_review_date: "2027-06-01",
    };
    expect(planImport([row(3, cells)], c)[0]).toMatchObject({ action: "unchanged" });
    expect(planImport([row(3, { ...cells, colour: "红" })], c)[0]).toMatchObject({
      action: "error",
      errors: [{ key: "dateOutOfCadence" }],
    });
    // A new day, same colour: held to the cadence like any other.
    expect(planImport([row(3, { ...cells, next_review_date: "2027-06-02" })], c)[0]).toMatchObject({
      action: "error",
      errors: [{ key: "dateOutOfCadence" }],
    });
  });
  it("compares stored text as the import reads it and co-units in any order", () => {
    const stored = { ...existing, code: "YL-2026-00011", title: " 燃气\r\n管网 ", coUnitIds: [101, 100] };
    const c = { ...ctx, existingByCode: new Map([[stored.code, stored]]) };
    const cells = {
      code: stored.code,
      title: "燃气\n管网",
      status: "管控中",
      responsible_person: "张伟",
      next_review_date: "2026-12-10",
      co_unit_codes: "U-ZJJ;U-YJJ",
    };
    expect(planImport([row(3, cells)], c)[0]).toMatchObject({ action: "unchanged" });
  });
  it("reads colour words in either language and any case, with spaces around", () => {
    const read = colourReader({ red: ["红"], orange: ["橙"], yellow: ["黄"], blue: ["蓝"] });
    expect([read(" 红 "), read("RED"), read("Blue"), read("purple")]).toEqual(["red", "red", "blue", null]);
  });
});
