import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acknowledgeRed, changeStatus, gradeRisk, reviewRisk } from "@/db/mutations/grading";
import { addMeasure, updateMeasure } from "@/db/mutations/measures";
import { insertRisk, updateRiskDetails } from "@/db/mutations/risks";
import { listMeasures, listRiskEvents, listRiskEventsSince } from "@/db/queries/risks";
import { verifyHistory } from "@/db/history/verify";
import type { RiskDetails } from "@/lib/validation/risk";
import { assessment } from "../support/risk-input";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
let input: RiskDetails;
const actor = { id: null, name: "测试员" };
const now = new Date("2026-11-25T02:00:00Z");
const later = new Date("2026-11-26T03:00:00Z");

beforeEach(async () => {
  t = await createTestDb();
  input = {
    title: "神木市城镇燃气管网老化风险",
    description: "老旧小区燃气管道锈蚀",
    areaId: t.areaId.S03,
    regionId: t.regionId["610881"],
    responsibleUnitId: t.unitId["U-ZJJ"],
    responsiblePerson: "张伟",
    coUnitIds: [],
    reason: "",
  };
});
afterEach(() => t.cleanup());

const create = (colour: "red" | "orange" = "orange") =>
  insertRisk(t.db, { input, assessment: assessment(colour), nextReviewDate: "2026-12-01", actor, now, year: 2026 });
const riskRow = async (id: number) => (await t.get("SELECT * FROM risks WHERE id = ?", id)) as Record<string, unknown>;
const snapshot = async () => [
  await t.all("SELECT * FROM risks ORDER BY id"),
  await t.all("SELECT * FROM risk_measures"),
];
const eventCount = async () => ((await t.get("SELECT count(*) AS n FROM risk_events")) as { n: number }).n;

describe("creating a risk", () => {
  it("numbers codes per year and records a create event, with the assessment, in the same write", async () => {
    const a = await create();
    const b = await create();
    const c = await insertRisk(t.db, {
      input,
      assessment: assessment("blue"),
      nextReviewDate: "2027-01-01",
      actor,
      now,
      year: 2027,
    });
    expect([a.code, b.code, c.code]).toEqual(["YL-2026-00001", "YL-2026-00002", "YL-2027-00001"]);
    const [e] = await listRiskEvents(t.db, { riskId: a.id });
    expect(e).toMatchObject({ action: "create", actorName: "测试员", riskId: a.id, riskVersion: 1 });
    expect(e.at.toISOString()).toBe(now.toISOString());
    expect(e.newValue).toMatchObject({ code: "YL-2026-00001", colour: "orange", status: "identified" });
    expect(e.data).toMatchObject({ assessment: { method: "direct", colour: "orange" } });
  });
  it("a risk created red waits for a leader's acknowledgement", async () => {
    expect((await riskRow((await create("red")).id)).ack_pending).toBe(1);
    expect((await riskRow((await create("orange")).id)).ack_pending).toBe(0);
  });
});

describe("editing details", () => {
  it("writes one event per changed field with old and new values, stamped with the new version", async () => {
    const { id } = await create();
    const r = await updateRiskDetails(t.db, {
      riskId: id,
      expectedVersion: 1,
      input: { ...input, responsiblePerson: "李强", coUnitIds: [3, 5], reason: "人事调整" },
      actor,
      now,
    });
    expect(r).toEqual({ ok: true, version: 2 });
    const updates = (await listRiskEvents(t.db, { riskId: id })).filter((e) => e.action === "update");
    expect(updates.map((e) => [e.field, e.oldValue, e.newValue, e.reason, e.riskVersion])).toEqual([
      ["coUnitIds", [], [3, 5], "人事调整", 2],
      ["responsiblePerson", "张伟", "李强", "人事调整", 2],
    ]);
  });
  it("refuses a stale version, changes nothing, and can list what happened since", async () => {
    const { id } = await create();
    await updateRiskDetails(t.db, {
      riskId: id,
      expectedVersion: 1,
      input: { ...input, title: "第一人修改" },
      actor,
      now,
    });
    const [before, n] = [await snapshot(), await eventCount()];
    const r = await updateRiskDetails(t.db, {
      riskId: id,
      expectedVersion: 1,
      input: { ...input, title: "第二人修改" },
      actor,
      now,
    });
    expect(r).toEqual({ ok: false, error: "conflict", currentVersion: 2 });
    expect(await snapshot()).toEqual(before);
    expect(await eventCount()).toBe(n);
    expect((await listRiskEventsSince(t.db, { riskId: id, version: 1 })).map((e) => [e.field, e.newValue])).toEqual([
      ["title", "第一人修改"],
    ]);
  });
  it("reports an unknown risk and an unchanged form without writing", async () => {
    const { id } = await create();
    const n = await eventCount();
    expect(await updateRiskDetails(t.db, { riskId: 999, expectedVersion: 1, input, actor, now })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await updateRiskDetails(t.db, { riskId: id, expectedVersion: 1, input, actor, now })).toMatchObject({
      ok: false,
      error: "noChange",
    });
    expect(await eventCount()).toBe(n);
  });
});

describe("grading", () => {
  const matrixRed = assessment("red", { method: "matrix", likelihood: 4, severity: 5 });
  it("a rise to red takes effect at once, is flagged for acknowledgement and records method inputs", async () => {
    const { id } = await create();
    const r = await gradeRisk(t.db, {
      riskId: id,
      expectedVersion: 1,
      actor,
      now: later,
      assessment: matrixRed,
      reason: "储配站泄漏报警",
      nextReviewDate: "2026-12-02",
    });
    expect(r).toEqual({ ok: true, version: 2 });
    expect(await riskRow(id)).toMatchObject({
      colour: "red",
      ack_pending: 1,
      next_review_date: "2026-12-02",
      last_reviewed_at: later.getTime(),
      version: 2,
    });
    const [e] = await listRiskEvents(t.db, { riskId: id });
    expect(e).toMatchObject({
      action: "grade",
      field: "colour",
      oldValue: "orange",
      newValue: "red",
      reason: "储配站泄漏报警",
      riskVersion: 2,
    });
    expect(e.data).toMatchObject({
      escalatedToRed: true,
      assessment: { method: "matrix", likelihood: 4, severity: 5, score: 20, computed: "red" },
      nextReviewDate: { from: "2026-12-01", to: "2026-12-02" },
    });
  });
  it("a leader's acknowledgement clears the flag once, with the instruction recorded; a second is refused", async () => {
    const { id } = await create("red");
    expect(
      await acknowledgeRed(t.db, { riskId: id, expectedVersion: 1, actor, now, instruction: "立即组织排查" }),
    ).toEqual({
      ok: true,
      version: 2,
    });
    expect((await riskRow(id)).ack_pending).toBe(0);
    expect((await listRiskEvents(t.db, { riskId: id }))[0]).toMatchObject({
      action: "acknowledge",
      reason: "立即组织排查",
    });
    const n = await eventCount();
    expect(await acknowledgeRed(t.db, { riskId: id, expectedVersion: 2, actor, now, instruction: "" })).toMatchObject({
      ok: false,
      error: "notPending",
    });
    expect(await eventCount()).toBe(n);
  });
  it("re-grading an acknowledged red as red keeps it acknowledged; red → orange → red asks again", async () => {
    const { id } = await create("red");
    await acknowledgeRed(t.db, { riskId: id, expectedVersion: 1, actor, now, instruction: "立即组织排查" });
    // The red stands and a leader has seen it: a new assessment that is red again is no new alarm.
    await gradeRisk(t.db, {
      riskId: id,
      expectedVersion: 2,
      actor,
      now: later,
      assessment: matrixRed,
      reason: "复核仍为重大",
      nextReviewDate: "2026-12-02",
    });
    expect(await riskRow(id)).toMatchObject({ colour: "red", ack_pending: 0, version: 3 });
    expect((await listRiskEvents(t.db, { riskId: id }))[0].data).toMatchObject({ escalatedToRed: false });
    // A red still waiting stays waiting when re-graded red.
    const other = await create("red");
    await gradeRisk(t.db, {
      riskId: other.id,
      expectedVersion: 1,
      actor,
      now: later,
      assessment: matrixRed,
      reason: "复核",
      nextReviewDate: "2026-12-02",
    });
    expect((await riskRow(other.id)).ack_pending).toBe(1);
    // Down and up again is a new rise to red: a leader must acknowledge it again.
    await gradeRisk(t.db, {
      riskId: id,
      expectedVersion: 3,
      actor,
      now: later,
      assessment: assessment("orange"),
      reason: "管控到位",
      nextReviewDate: "2026-12-20",
    });
    await gradeRisk(t.db, {
      riskId: id,
      expectedVersion: 4,
      actor,
      now: later,
      assessment: matrixRed,
      reason: "再次报警",
      nextReviewDate: "2026-12-02",
    });
    expect(await riskRow(id)).toMatchObject({ colour: "red", ack_pending: 1, version: 5 });
  });
  it("leaving red clears a pending acknowledgement", async () => {
    const { id } = await create("red");
    await gradeRisk(t.db, {
      riskId: id,
      expectedVersion: 1,
      actor,
      now,
      assessment: assessment("yellow"),
      reason: "已停产",
      nextReviewDate: "2026-12-20",
    });
    expect(await riskRow(id)).toMatchObject({ colour: "yellow", ack_pending: 0 });
  });
  it("a review without change keeps the colour, records the note and moves the review day", async () => {
    const { id } = await create();
    expect(
      await reviewRisk(t.db, {
        riskId: id,
        expectedVersion: 1,
        actor,
        now: later,
        note: "现场核查无变化",
        nextReviewDate: "2026-12-10",
      }),
    ).toEqual({ ok: true, version: 2 });
    expect(await riskRow(id)).toMatchObject({
      colour: "orange",
      next_review_date: "2026-12-10",
      last_reviewed_at: later.getTime(),
    });
    expect((await listRiskEvents(t.db, { riskId: id }))[0]).toMatchObject({
      action: "review",
      oldValue: "2026-12-01",
      newValue: "2026-12-10",
      reason: "现场核查无变化",
    });
  });
});

describe("lifecycle and measures", () => {
  it("follows identified → controlling → resolved → closed, records reopening, refuses skips", async () => {
    const { id } = await create();
    const n = await eventCount();
    expect(
      await changeStatus(t.db, { riskId: id, expectedVersion: 1, actor, now, status: "closed", reason: "跳过" }),
    ).toMatchObject({ ok: false, error: "invalidTransition" });
    expect(await eventCount()).toBe(n);
    let v = 1;
    for (const status of ["controlling", "resolved", "closed", "controlling"] as const) {
      const r = await changeStatus(t.db, { riskId: id, expectedVersion: v, actor, now, status, reason: `到${status}` });
      expect(r.ok).toBe(true);
      v += 1;
    }
    expect(
      (await listRiskEvents(t.db, { riskId: id })).slice(0, 2).map((e) => [e.action, e.oldValue, e.newValue]),
    ).toEqual([
      ["reopen", "closed", "controlling"],
      ["status", "resolved", "closed"],
    ]);
  });
  it("adds and changes measures under the risk's version, one event per changed field", async () => {
    const { id } = await create();
    const m = { description: "每日巡检", owner: "张伟", dueDate: "2026-12-31", status: "planned" as const };
    expect(await addMeasure(t.db, { riskId: id, expectedVersion: 1, actor, now, measure: m })).toEqual({
      ok: true,
      version: 2,
    });
    const [row] = await listMeasures(t.db, { riskId: id });
    expect(row).toMatchObject(m);
    // A stale measure edit is refused like any other.
    expect(
      await updateMeasure(t.db, {
        riskId: id,
        measureId: row.id,
        expectedVersion: 1,
        actor,
        now,
        measure: { ...m, status: "done" },
      }),
    ).toMatchObject({ error: "conflict" });
    expect(
      await updateMeasure(t.db, {
        riskId: id,
        measureId: row.id,
        expectedVersion: 2,
        actor,
        now,
        measure: { ...m, status: "done", owner: "李强" },
      }),
    ).toEqual({ ok: true, version: 3 });
    expect(
      (await listRiskEvents(t.db, { riskId: id }))
        .filter((e) => e.action === "measure.update")
        .map((e) => [e.field, e.oldValue, e.newValue]),
    ).toEqual([
      ["status", "planned", "done"],
      ["owner", "张伟", "李强"],
    ]);
    // Another risk's measure id is not this risk's measure.
    const other = await create();
    expect(
      await updateMeasure(t.db, { riskId: other.id, measureId: row.id, expectedVersion: 1, actor, now, measure: m }),
    ).toMatchObject({ error: "measureNotFound" });
  });
  it("every write above leaves a verifiable chain", async () => {
    const { id } = await create();
    await gradeRisk(t.db, {
      riskId: id,
      expectedVersion: 1,
      actor,
      now,
      assessment: assessment("red"),
      reason: "升级",
      nextReviewDate: "2026-12-02",
    });
    const r = await verifyHistory(t.db);
    expect(r).toMatchObject({ ok: true, count: await eventCount() });
  });
});
