import { describe, expect, it } from "vitest";
import zh from "@/messages/zh-CN.json";
import en from "@/messages/en.json";
import { parseRegisterQuery, registerSearch, searchParamsRecord } from "@/lib/validation/register-query";
import { validateRiskDetails } from "@/lib/validation/risk";
import { validateGrading } from "@/lib/validation/grading";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/grading";
import { idNumber, isId, MAX_ID } from "@/lib/validation/fields";

const valid = {
  title: "神木市城镇燃气管网老化风险",
  description: "",
  areaId: "3",
  regionId: "4",
  responsibleUnitId: "2",
  responsiblePerson: "张伟",
  coUnitIds: "5,3,5",
  reason: "",
};

describe("ids", () => {
  it("takes as an id only a whole number both stores can hold (PostgreSQL's integer)", () => {
    expect(isId(1) && isId(MAX_ID)).toBe(true);
    for (const bad of [0, -1, 1.5, MAX_ID + 1, Number.MAX_SAFE_INTEGER, NaN, "1", null]) expect(isId(bad)).toBe(false);
    expect(idNumber().safeParse("2147483647").success).toBe(true);
    expect(idNumber().safeParse("2147483648").success).toBe(false);
    expect(validateRiskDetails({ ...valid, areaId: "9007199254740991" }).ok).toBe(false);
  });
});

describe("risk details schema", () => {
  it("accepts a complete risk, coerces ids and de-duplicates co-operating units", () => {
    const r = validateRiskDetails(valid);
    expect(r.ok && r.data.areaId).toBe(3);
    expect(r.ok && r.data.coUnitIds).toEqual([3, 5]);
  });
  it("reports every bad field at once, as catalogue keys", () => {
    const r = validateRiskDetails({
      ...valid,
      title: "  ",
      areaId: "",
      responsiblePerson: "x".repeat(51),
      coUnitIds: "1,x",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors).toMatchObject({
      title: ["required"],
      areaId: ["chooseArea"],
      responsiblePerson: ["tooLong"],
      coUnitIds: ["chooseUnit"],
    });
  });
  it("rejects control characters but keeps newlines", () => {
    const bad = validateRiskDetails({ ...valid, title: "a\u0000b" });
    expect(!bad.ok && bad.fieldErrors.title).toEqual(["invalidCharacters"]);
    expect(validateRiskDetails({ ...valid, description: "一\n二\t三" }).ok).toBe(true);
  });
  it("rejects ids that are not positive integers, and more than 20 co-operating units", () => {
    for (const areaId of ["-1", "1.5", "abc", "1e400"])
      expect(validateRiskDetails({ ...valid, areaId }).ok).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => i + 1).join(",");
    const r = validateRiskDetails({ ...valid, coUnitIds: many });
    expect(!r.ok && r.fieldErrors.coUnitIds).toEqual(["tooMany"]);
  });
});

describe("grading form", () => {
  const base = {
    method: "matrix",
    lecL: "",
    lecE: "",
    lecC: "",
    matrixL: "4",
    matrixS: "5",
    colour: "",
    overrideReason: "",
    reason: "巡查发现",
    nextReviewDate: "2026-12-01",
  };
  const opts = { thresholds: DEFAULT_THRESHOLDS, reasonRequired: true };
  it("takes the computed colour when none is chosen (matrix 4 × 5 = 20 → red)", () => {
    const r = validateGrading(base, opts);
    expect(r.ok && r.assessment).toMatchObject({
      method: "matrix",
      likelihood: 4,
      severity: 5,
      score: 20,
      computed: "red",
      colour: "red",
    });
  });
  it("requires an override reason for a colour other than the computed one", () => {
    const r = validateGrading({ ...base, colour: "orange" }, opts);
    expect(!r.ok && r.fieldErrors.overrideReason).toEqual(["overrideReasonRequired"]);
    const ok = validateGrading({ ...base, colour: "orange", overrideReason: "已停产" }, opts);
    expect(ok.ok && ok.assessment).toMatchObject({ computed: "red", colour: "orange", overrideReason: "已停产" });
  });
  it("requires a reason for every grade change, and the chosen method's inputs from its table", () => {
    const r = validateGrading({ ...base, reason: " ", method: "lec", lecL: "7", lecE: "", lecC: "15" }, opts);
    expect(!r.ok && r.fieldErrors).toMatchObject({ reason: ["required"], lecE: ["invalidChoice"] });
    const notInTable = validateGrading({ ...base, method: "lec", lecL: "7", lecE: "6", lecC: "15" }, opts);
    expect(!notInTable.ok && notInTable.fieldErrors.method).toEqual(["invalidInputs"]);
  });
  it("direct judgement needs a chosen colour", () => {
    const r = validateGrading({ ...base, method: "direct" }, opts);
    expect(!r.ok && r.fieldErrors.colour).toEqual(["chooseColour"]);
    const ok = validateGrading({ ...base, method: "direct", colour: "yellow" }, opts);
    expect(ok.ok && ok.assessment).toMatchObject({ method: "direct", computed: null, colour: "yellow", score: null });
  });
});

describe("register query", () => {
  it("parses filters and drops unrecognised values by name", () => {
    const { query, ignored } = parseRegisterQuery({
      colour: "red",
      region: "x",
      page: "0",
      q: "  燃气  ",
      overdue: "1",
    });
    expect(query).toMatchObject({ colour: ["red"], q: "燃气", overdue: true, sort: "severity", page: 1 });
    expect(query.region).toBeUndefined();
    expect(ignored.sort()).toEqual(["page", "region"]);
  });
  it("takes several areas, regions and colours, keeping the good ones and naming the bad", () => {
    const { query, ignored } = parseRegisterQuery({
      region: ["2", "4", "2", "x"],
      colour: ["red", "orange"],
      area: "7",
    });
    expect(query).toMatchObject({ region: [2, 4], colour: ["red", "orange"], area: [7] });
    expect(ignored).toEqual(["region"]);
    // A repeated single-valued parameter takes its first value.
    expect(parseRegisterQuery({ status: ["controlling", "closed"] }).query.status).toBe("controlling");
  });
  it("round-trips to a URL without defaults", () => {
    expect(registerSearch({ colour: ["red"], sort: "severity", page: 1, q: "燃气" })).toBe(
      "?colour=red&q=%E7%87%83%E6%B0%94",
    );
    expect(registerSearch({ region: [2, 4], colour: ["red", "blue"], sort: "severity", page: 1 })).toBe(
      "?region=2&region=4&colour=red&colour=blue",
    );
    const back = parseRegisterQuery(searchParamsRecord(new URLSearchParams("region=2&region=4&colour=red")));
    expect(back.query).toMatchObject({ region: [2, 4], colour: ["red"] });
  });
});

describe("message catalogue", () => {
  const keys = (o: object, p = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === "object" && v ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
  it("has the same keys in Chinese and English", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
  it("has a message for every validation key the schema can produce", () => {
    for (const k of [
      "required",
      "tooLong",
      "invalidCharacters",
      "invalidDate",
      "reviewInPast",
      "reviewTooLate",
      "unknownArea",
      "unknownRegion",
      "unknownUnit",
      "invalidChoice",
      "reasonRequired",
      "chooseArea",
      "chooseRegion",
      "chooseUnit",
      "chooseColour",
      "chooseMethod",
      "overrideReasonRequired",
      "invalidInputs",
      "tooMany",
      "invalidTransition",
      "notPending",
      "measureNotFound",
      "staleForm",
      "thresholdRange",
      "thresholdOrder",
    ]) {
      expect(zh.errors).toHaveProperty(k);
    }
  });
});
