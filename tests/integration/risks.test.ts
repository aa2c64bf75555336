import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertRisk, updateRisk } from "@/db/mutations/risks";
import { listRiskEvents } from "@/db/queries/risks";
import { checkRiskSubmission } from "@/app/risks/actions/check-submission";
import type { RiskInput } from "@/lib/validation/risk";
import { DEFAULT_REVIEW_DAYS } from "@/lib/domain/review";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
let input: RiskInput;
const actor = { id: null, name: "测试员" };
const now = new Date("2026-11-25T02:00:00Z");

beforeEach(() => {
  t = createTestDb();
  input = {
    title: "神木市城镇燃气管网老化风险",
    description: "老旧小区燃气管道锈蚀",
    areaId: t.areaId.S03,
    regionId: t.regionId["610881"],
    colour: "orange",
    status: "identified",
    responsibleUnitId: t.unitId["U-ZJJ"],
    responsiblePerson: "张伟",
    controlMeasures: "",
    nextReviewDate: "2026-12-01",
    reason: "",
  };
});
afterEach(() => t.cleanup());

const snapshot = () => t.sqlite.prepare("SELECT * FROM risks ORDER BY id").all();
const events = () => t.sqlite.prepare("SELECT count(*) AS n FROM risk_events").get();

describe("creating a risk", () => {
  it("numbers codes per year and records a create event in the same write", () => {
    const a = insertRisk(t.db, { input, actor, now, year: 2026 });
    const b = insertRisk(t.db, { input, actor, now, year: 2026 });
    const c = insertRisk(t.db, { input, actor, now, year: 2027 });
    expect([a.code, b.code, c.code]).toEqual(["YL-2026-00001", "YL-2026-00002", "YL-2027-00001"]);
    const [e] = listRiskEvents(t.db, { riskId: a.id });
    expect(e).toMatchObject({ action: "create", actorName: "测试员", riskId: a.id });
    expect(e.at.toISOString()).toBe(now.toISOString());
    expect(e.newValue).toMatchObject({ code: "YL-2026-00001", colour: "orange" });
  });
});

describe("editing a risk", () => {
  it("writes one event per changed field with old and new values", () => {
    const { id } = insertRisk(t.db, { input, actor, now, year: 2026 });
    const r = updateRisk(t.db, { riskId: id, expectedVersion: 1, input: { ...input, colour: "red", responsiblePerson: "李强", reason: "泄漏报警" }, actor, now });
    expect(r).toEqual({ ok: true, version: 2, changed: ["colour", "responsiblePerson"] });
    const updates = listRiskEvents(t.db, { riskId: id }).filter((e) => e.action === "update");
    expect(updates.map((e) => [e.field, e.oldValue, e.newValue, e.reason])).toEqual([
      ["responsiblePerson", "张伟", "李强", "泄漏报警"],
      ["colour", "orange", "red", "泄漏报警"],
    ]);
  });

  it("refuses a stale version and changes nothing", () => {
    const { id } = insertRisk(t.db, { input, actor, now, year: 2026 });
    updateRisk(t.db, { riskId: id, expectedVersion: 1, input: { ...input, title: "第一人修改" }, actor, now });
    const [rows, n] = [snapshot(), events()];
    const r = updateRisk(t.db, { riskId: id, expectedVersion: 1, input: { ...input, title: "第二人修改" }, actor, now });
    expect(r).toEqual({ ok: false, error: "conflict", currentVersion: 2 });
    expect(snapshot()).toEqual(rows);
    expect(events()).toEqual(n);
  });

  it("reports an unknown risk without writing", () => {
    const n = events();
    expect(updateRisk(t.db, { riskId: 999, expectedVersion: 1, input, actor, now })).toEqual({ ok: false, error: "notFound" });
    expect(events()).toEqual(n);
  });
});

describe("server-side checks", () => {
  const form = (over: Partial<Record<keyof RiskInput, string>> = {}) =>
    Object.fromEntries(Object.entries({ ...input, ...over }).map(([k, v]) => [k, String(v)])) as Record<string, string>;

  it("rejects unknown or inactive references and out-of-cadence reviews, all at once", () => {
    t.sqlite.prepare("UPDATE units SET active = 0 WHERE code = 'U-ZJJ'").run();
    const r = checkRiskSubmission(t.db, form({ areaId: "9999", colour: "red", nextReviewDate: "2026-12-20" }), { today: "2026-11-25", cadence: DEFAULT_REVIEW_DAYS, checkReviewDate: () => true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors.areaId).toEqual([{ key: "unknownArea" }]);
    expect(r.fieldErrors.responsibleUnitId).toEqual([{ key: "unknownUnit" }]);
    expect(r.fieldErrors.nextReviewDate).toEqual([{ key: "reviewTooLate", values: { days: 7, latest: "2026-12-02" } }]);
  });

  it("passes a valid submission through with typed data", () => {
    const r = checkRiskSubmission(t.db, form(), { today: "2026-11-25", cadence: DEFAULT_REVIEW_DAYS, checkReviewDate: () => true });
    expect(r.ok && r.data.areaId).toBe(t.areaId.S03);
  });
});
