import { describe, expect, it } from "vitest";
import { colourReader, planImport, type ExistingRisk, type ImportContext, type ImportRow } from "@/lib/domain/import-plan";
import { DEFAULT_REVIEW_DAYS } from "@/lib/domain/review";

const existing: ExistingRisk = {
  id: 9, version: 4, code: "YL-2026-00009", title: "城镇燃气管网风险", description: "", areaId: 1, regionId: 10, colour: "yellow", status: "controlling",
  responsibleUnitId: 100, responsiblePerson: "张伟", coUnitIds: [], nextReviewDate: "2026-12-10",
};
const STATUS_WORDS: Record<string, "identified" | "controlling"> = { 识别: "identified", 管控中: "controlling", identified: "identified", controlling: "controlling" };
const ctx: ImportContext = {
  areaByCode: new Map([["S03", 1], ["S01", 2]]), regionByCode: new Map([["610802", 10], ["610881", 11]]), unitByCode: new Map([["U-ZJJ", 100], ["U-YJJ", 101]]),
  existingByCode: new Map([[existing.code, existing]]),
  colourOf: colourReader({ red: ["红"], orange: ["橙"], yellow: ["黄"], blue: ["蓝"] }),
  statusOf: (w) => STATUS_WORDS[w] ?? null,
  canPlace: (areaId, regionId) => areaId === 1 && (regionId === 10 || regionId === 11),
  today: "2026-11-25", cadence: DEFAULT_REVIEW_DAYS,
};
const row = (line: number, cells: Record<string, string>): ImportRow => ({
  line, cells: { code: "", title: "新风险", description: "", area_code: "S03", region_code: "610802", colour: "黄", status: "", responsible_unit_code: "U-ZJJ", responsible_person: "李娜", co_unit_codes: "", next_review_date: "", ...cells },
});

describe("import plan", () => {
  it("creates rows without a code, with the latest next review the colour allows", () => {
    const [p] = planImport([row(7, {})], ctx);
    expect(p).toMatchObject({ line: 7, action: "create", values: { areaId: 1, regionId: 10, colour: "yellow", responsibleUnitId: 100, nextReviewDate: "2026-12-25" } });
  });

  it("updates only what differs, and leaves an identical row unchanged", () => {
    const same = row(8, { code: existing.code, title: existing.title, status: "管控中", next_review_date: "2026-12-10", responsible_person: "张伟" });
    const changed = row(9, { code: existing.code, title: "城镇燃气管网泄漏风险", colour: "红", status: "管控中", next_review_date: "2026-11-30", responsible_person: "张伟", co_unit_codes: "U-YJJ" });
    const plan = planImport([same], ctx).concat(planImport([changed], ctx));
    expect(plan[0]).toMatchObject({ action: "unchanged", code: existing.code });
    expect(plan[1]).toMatchObject({ action: "update", riskId: 9, version: 4, changes: ["title", "coUnitIds", "colour", "nextReviewDate"] });
  });

  it("lists every error of a row, in keys with the values their messages need", () => {
    const [p] = planImport([row(12, { title: "", area_code: "X99", colour: "紫", responsible_person: "", next_review_date: "2027-13-01", co_unit_codes: "U-YJJ;NOPE" })], ctx);
    expect(p.action).toBe("error");
    expect(p.action === "error" && p.errors.map((e) => e.key).sort()).toEqual(["badColour", "required", "required", "unknownCode", "unknownCode"].sort());
  });

  it("refuses invented codes, repeated codes, status changes, dates beyond the cadence and rows outside the scope", () => {
    const plan = planImport([
      row(2, { code: "YL-2026-99999" }),
      row(3, { code: existing.code, status: "管控中", responsible_person: "张伟" }),
      row(4, { code: existing.code, status: "管控中", responsible_person: "张伟" }),
      row(5, { status: "管控中" }),
      row(6, { colour: "红", next_review_date: "2026-12-31" }),
      row(7, { region_code: "610881", area_code: "S01" }),
    ], ctx);
    const keys = plan.map((p) => (p.action === "error" ? p.errors.map((e) => e.key) : p.action));
    expect(keys).toEqual([["unknownRisk"], "update", ["duplicateCode"], ["statusNotImported"], ["dateOutOfCadence"], ["outOfScope"]]);
  });
});
