import { describe, expect, it } from "vitest";
import { planHazardImport, type HazardImportContext } from "@/lib/domain/hazard-import";

const ctx: HazardImportContext = {
  areaOf: (code, name) => ({ S03: 3, 城镇燃气: 3 })[(code || name) as "S03"] ?? null,
  regionOf: (code, name) => (code === "610881" || name === "神木市" ? 81 : null),
  gradeOf: (w) => (w === "一般隐患" ? "general" : w === "重大隐患" ? "major" : null),
  existingCodes: new Set(["YH-2026-00001"]),
  riskIdByCode: new Map([["YL-2026-00007", 7]]),
  inspectionIdByCode: new Map([["PC-2026-00002", 2]]),
  canPlace: (areaId, regionId) => areaId === 3 && regionId === 81,
  today: "2026-12-06",
};
const row = (line: number, cells: Record<string, string>) => ({
  line,
  cells: {
    title: "消防通道堵塞",
    grade: "一般隐患",
    area_code: "S03",
    region_code: "610881",
    found_on: "2026-12-01",
    ...cells,
  },
});

describe("a campaign's hazard list", () => {
  it("records new rows, leaves recorded ones, and names each row's every problem", () => {
    const plan = planHazardImport(
      [
        row(2, { risk_code: "yl-2026-00007", inspection_code: "PC-2026-00002", place: "东门" }),
        row(3, { code: "YH-2026-00001" }),
        row(4, { code: "YH-2026-09999", title: "", grade: "很大", area_code: "X9", found_on: "2026-13-01" }),
        row(5, { found_on: "2026-12-07", risk_code: "YL-2026-09999", inspection_code: "PC-2026-00005" }),
        row(6, { region_code: "", region: "神木市", area_code: "", area: "城镇燃气", place: "西门", risk_code: "" }),
        row(7, { place: "西门" }),
      ],
      ctx,
    );
    expect(plan[0]).toEqual({
      line: 2,
      code: null,
      action: "create",
      values: {
        title: "消防通道堵塞",
        description: "",
        grade: "general",
        areaId: 3,
        regionId: 81,
        place: "东门",
        foundOn: "2026-12-01",
        riskId: 7,
        inspectionId: 2,
      },
    });
    expect(plan[1]).toEqual({ line: 3, code: "YH-2026-00001", action: "unchanged" });
    expect(plan[2].action === "error" && plan[2].errors.map((e) => e.key)).toEqual([
      "hazardUnknownCode",
      "required",
      "hazardGrade",
      "unknownArea",
      "badDate",
    ]);
    expect(plan[3].action === "error" && plan[3].errors.map((e) => e.key)).toEqual([
      "hazardFutureDay",
      "unknownRiskCode",
      "hazardInspection",
    ]);
    // Names instead of codes are read too.
    expect(plan[4]).toMatchObject({ action: "create", values: { areaId: 3, regionId: 81 } });
    // Line 7 repeats line 6 (same title, place, division, day).
    expect(plan[5].action === "error" && plan[5].errors.map((e) => e.key)).toEqual(["hazardDuplicate"]);
  });
  it("refuses a new row outside the importer's scope", () => {
    const [only] = planHazardImport([row(2, {})], { ...ctx, canPlace: () => false });
    expect(only).toEqual({ line: 2, code: null, action: "error", errors: [{ key: "hazardOutOfScope" }] });
  });
});
