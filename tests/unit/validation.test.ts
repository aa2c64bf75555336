import { describe, expect, it } from "vitest";
import zh from "@/messages/zh-CN.json";
import en from "@/messages/en.json";
import { parseRegisterQuery, registerSearch } from "@/lib/validation/register-query";
import { validateRiskInput } from "@/lib/validation/risk";

const valid = {
  title: "神木市城镇燃气管网老化风险",
  description: "",
  areaId: "3",
  regionId: "4",
  colour: "orange",
  status: "identified",
  responsibleUnitId: "2",
  responsiblePerson: "张伟",
  controlMeasures: "",
  nextReviewDate: "2026-12-01",
  reason: "",
};

describe("risk form schema", () => {
  it("accepts a complete risk and coerces ids", () => {
    const r = validateRiskInput(valid);
    expect(r.ok && r.data.areaId).toBe(3);
  });
  it("reports every bad field at once, as catalogue keys", () => {
    const r = validateRiskInput({ ...valid, title: "  ", areaId: "", colour: "purple", nextReviewDate: "2026-02-30", responsiblePerson: "x".repeat(51) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors).toMatchObject({
      title: ["required"],
      areaId: ["chooseArea"],
      colour: ["chooseColour"],
      nextReviewDate: ["invalidDate"],
      responsiblePerson: ["tooLong"],
    });
  });
  it("rejects control characters but keeps newlines", () => {
    const bad = validateRiskInput({ ...valid, title: "a\u0000b" });
    expect(!bad.ok && bad.fieldErrors.title).toEqual(["invalidCharacters"]);
    expect(validateRiskInput({ ...valid, controlMeasures: "一\n二\t三" }).ok).toBe(true);
  });
  it("rejects ids that are not positive integers", () => {
    for (const areaId of ["-1", "1.5", "abc", "1e400"]) expect(validateRiskInput({ ...valid, areaId }).ok).toBe(false);
  });
});

describe("register query", () => {
  it("parses filters and drops unrecognised values by name", () => {
    const { query, ignored } = parseRegisterQuery({ colour: "red", region: "x", page: "0", q: "  燃气  ", overdue: "1" });
    expect(query).toMatchObject({ colour: "red", q: "燃气", overdue: true, sort: "severity", page: 1 });
    expect(query.region).toBeUndefined();
    expect(ignored.sort()).toEqual(["page", "region"]);
  });
  it("round-trips to a URL without defaults", () => {
    expect(registerSearch({ colour: "red", sort: "severity", page: 1, q: "燃气" })).toBe("?colour=red&q=%E7%87%83%E6%B0%94");
  });
});

describe("message catalogue", () => {
  const keys = (o: object, p = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === "object" && v ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
  it("has the same keys in Chinese and English", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
  it("has a message for every validation key the schema can produce", () => {
    for (const k of ["required", "tooLong", "invalidCharacters", "invalidDate", "reviewInPast", "reviewTooLate", "unknownArea", "unknownRegion", "unknownUnit", "invalidChoice", "reasonRequired", "chooseArea", "chooseRegion", "chooseUnit", "chooseColour"]) {
      expect(zh.errors).toHaveProperty(k);
    }
  });
});
