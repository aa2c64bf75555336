import { describe, expect, it } from "vitest";
import { creationOrder, planDivisionImport, type ExistingDivision } from "@/lib/domain/division-plan";

const existing = new Map<string, ExistingDivision>(
  [
    {
      id: 1,
      code: "610800",
      nameZh: "榆林市(市本级)",
      nameEn: "Yulin",
      level: "city" as const,
      parentCode: null,
      active: true,
    },
    {
      id: 2,
      code: "610802",
      nameZh: "榆阳区",
      nameEn: "Yuyang",
      level: "county" as const,
      parentCode: "610800",
      active: true,
    },
    {
      id: 3,
      code: "610802001",
      nameZh: "旧镇",
      nameEn: "Old town",
      level: "town" as const,
      parentCode: "610802",
      active: true,
    },
    {
      id: 4,
      code: "610802002",
      nameZh: "撤并镇",
      nameEn: "Merged",
      level: "town" as const,
      parentCode: "610802",
      active: false,
    },
  ].map((d) => [d.code, d]),
);
const row = (line: number, cells: Record<string, string>) => ({ line, cells });
const plan = (...rows: Array<Record<string, string>>) =>
  planDivisionImport(
    rows.map((c, i) => row(i + 2, c)),
    existing,
  );

describe("the division list import", () => {
  it("creates a town and its villages from 12-digit codes, parents first, in the same file", () => {
    const p = plan(
      { code: "610802003001", name: "新村" },
      { code: "610802003000", name: "新镇", level: "镇", parent: "610802000000" },
    );
    expect(p.map((r) => r.action)).toEqual(["create", "create"]);
    expect(creationOrder(p).map((r) => r.code)).toEqual(["610802003", "610802003001"]);
    expect(p[0]).toMatchObject({ values: { level: "village", parentCode: "610802003", nameEn: "新村" } });
  });

  it("renames, retires and restores; never deletes; a row as stored is unchanged", () => {
    const p = plan(
      { code: "610802001000", name: "新名镇", nameEn: "Renamed town" },
      { code: "610802001", name: "新名镇", nameEn: "Renamed town", status: "撤销" },
      { code: "610802002", name: "撤并镇", nameEn: "Merged", status: "有效" },
      { code: "610802", name: "榆阳区", nameEn: "Yuyang" },
    );
    expect(p[0]).toMatchObject({ action: "update", id: 3, rename: { nameZh: "新名镇", nameEn: "Renamed town" } });
    expect(p[1]).toMatchObject({ action: "error", errors: [{ key: "duplicateCode", values: { line: 2 } }] });
    expect(p[2]).toMatchObject({ action: "update", id: 4, active: true });
    expect(p[2]).not.toHaveProperty("rename");
    expect(p[3]).toEqual({ line: 5, code: "610802", action: "unchanged" });
  });

  it("importing the same list again changes nothing", () => {
    const first = plan({ code: "610802001", name: "旧镇", nameEn: "Old town" });
    expect(first.map((r) => r.action)).toEqual(["unchanged"]);
  });

  it.each([
    [{ code: "", name: "无码" }, "required"],
    [{ code: "610802004", name: "" }, "required"],
    [{ code: "61080200", name: "八位" }, "badCode"],
    [{ code: "610803001", name: "孤镇" }, "unknownParent"],
    [{ code: "610802002001", name: "撤并镇的村" }, "retiredParent"],
    [{ code: "610802005", name: "镇", level: "村" }, "levelDisagrees"],
    [{ code: "610802005", name: "镇", level: "星球" }, "badLevel"],
    [{ code: "610802005", name: "镇", parent: "610881" }, "parentDisagrees"],
    [{ code: "610900", name: "另一个市" }, "otherCity"],
    [{ code: "610802006", name: "新镇", status: "也许" }, "badStatus"],
    [{ code: "610802006", name: "新镇", status: "撤销" }, "newRetired"],
    [{ code: "610802006", name: "镇".repeat(101) }, "tooLong"],
    [{ code: "610802001001-01", name: "网格", level: "网格" }, "gridParent"],
    [{ code: "610802999001-01", name: "网格", level: "网格", parent: "610802001001" }, "gridCode"],
  ])("refuses %j with %s, in words", (cells, key) => {
    const [r] = plan(cells);
    expect(r.action).toBe("error");
    expect(r.action === "error" && r.errors.map((e) => e.key)).toContain(key);
  });

  it("a grid goes under its village, with a code that starts with the village's", () => {
    const p = plan(
      { code: "610802001001", name: "旧镇一村" },
      { code: "610802001001-01", name: "一网格", level: "网格", parent: "610802001001" },
    );
    expect(p.map((r) => r.action)).toEqual(["create", "create"]);
    expect(p[1]).toMatchObject({ values: { level: "grid", parentCode: "610802001001" } });
  });
});
