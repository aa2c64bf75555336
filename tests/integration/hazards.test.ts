import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyHistory } from "@/db/history/verify";
import { changeHazard, insertHazard, type HazardInput } from "@/db/mutations/hazards";
import { completeInspection, insertInspection } from "@/db/mutations/inspections";
import { insertRisk } from "@/db/mutations/risks";
import { insertUser } from "@/db/mutations/users";
import type { Actor } from "@/lib/domain/actor";
import { getHazard, hazardEvents, listHazardsOfRisk } from "@/db/queries/hazards";
import {
  planAcceptance,
  planAssignRectification,
  planExtendDeadline,
  planFiveInPlace,
  planSubmitRectification,
  planSupervise,
} from "@/lib/domain/hazards";
import { assessment } from "../support/risk-input";
import { createTestDb, type TestDb } from "./test-db";

/**
 * The hazard loop on a real database (issue 22's data layer): every step one transaction with its
 * events in the one hash chain, a refusal or a stale version writing nothing, and the hazard's
 * history found again through its events' data.
 */
let t: TestDb;
let inspector: Actor;
let rectifier: Actor & { id: number };
let acceptor: Actor & { id: number };
const now = new Date("2026-12-06T02:00:00Z");
const today = "2026-12-06";
const five = {
  targets: "封闭采空区",
  funds: "30 万元",
  people: "安全科 3 人",
  timing: "12 月底前",
  safety: "撤人预案",
};

beforeEach(async () => {
  t = await createTestDb();
  const person = async (username: string, name: string) => {
    const made = await insertUser(t.db, {
      username,
      displayName: name,
      passwordHash: "!",
      mustChangePassword: false,
      access: { roles: ["officer"], scope: { areaIds: [], regionIds: [] }, unitIds: [] },
      actor: { id: null, name: "system:test" },
      now,
    });
    if (!made.ok) throw new Error(username);
    return { id: made.id, name: `${name} (${username})` };
  };
  inspector = await person("inspector", "李明");
  rectifier = await person("rectifier", "王强");
  acceptor = await person("acceptor", "赵敏");
});
afterEach(() => t.cleanup());

const input = (over: Partial<HazardInput> = {}): HazardInput => ({
  title: "井下采空区顶板离层",
  description: "巡检发现离层仪读数超限",
  areaId: t.areaId.S04,
  regionId: t.regionId["610881"],
  place: "3 号井 2 采区",
  grade: "major",
  riskId: null,
  inspectionId: null,
  foundOn: today,
  ...over,
});
const counts = async () => ({
  events: ((await t.get("SELECT count(*) AS n FROM risk_events")) as { n: number }).n,
  version: ((await t.get("SELECT max(version) AS v FROM hazards")) as { v: number }).v,
});

describe("a hazard's loop on the database", () => {
  it("goes found → rectifying → accepting → (failed) → rectifying → accepting → closed, every step in the chain", async () => {
    const risk = await insertRisk(t.db, {
      input: {
        title: "神木市煤矿顶板风险",
        description: "",
        areaId: t.areaId.S04,
        regionId: t.regionId["610881"],
        responsibleUnitId: t.unitId["U-YJJ"],
        responsiblePerson: "张伟",
        coUnitIds: [],
        reason: "",
      },
      assessment: assessment("orange"),
      nextReviewDate: "2026-12-20",
      actor: inspector,
      now,
      year: 2026,
    });
    const { id, code } = await insertHazard(t.db, {
      input: input({ riskId: risk.id }),
      actor: inspector,
      now,
      year: 2026,
    });
    expect(code).toBe("YH-2026-00001");
    expect(
      (await insertHazard(t.db, { input: input({ grade: "general" }), actor: inspector, now, year: 2026 })).code,
    ).toBe("YH-2026-00002");
    expect((await listHazardsOfRisk(t.db, risk.id)).map((h) => h.code)).toEqual([code]);
    const step = (version: number, actor: Actor, plan: Parameters<typeof changeHazard>[2]) =>
      changeHazard(t.db, { hazardId: id, expectedVersion: version, actor, now }, plan);

    // A major hazard's rectification waits for its 五落实: refused, nothing written.
    const before = await counts();
    const assign = { unitId: t.unitId["U-YJJ"], person: "王强", deadline: "2026-12-20", today };
    expect(await step(1, inspector, (h) => planAssignRectification(h, assign))).toMatchObject({
      ok: false,
      error: "fiveInPlaceMissing",
    });
    expect(await counts()).toEqual(before);
    expect(await step(1, inspector, (h) => planFiveInPlace(h, { fiveInPlace: five }))).toEqual({
      ok: true,
      version: 2,
    });
    expect(await step(2, inspector, (h) => planAssignRectification(h, assign))).toEqual({ ok: true, version: 3 });
    // A stale form is a conflict and writes nothing.
    const stale = await counts();
    expect(
      await step(2, inspector, (h) =>
        planSupervise(h, { level: "city", unitId: t.unitId["U-YJJ"], deadline: "2027-01-31", today }),
      ),
    ).toEqual({
      ok: false,
      error: "conflict",
      currentVersion: 3,
    });
    expect(await counts()).toEqual(stale);
    expect(
      await step(3, inspector, (h) =>
        planSupervise(h, { level: "city", unitId: t.unitId["U-YJJ"], deadline: "2027-01-31", today }),
      ),
    ).toEqual({ ok: true, version: 4 });
    expect(
      await step(4, rectifier, (h) => planExtendDeadline(h, { deadline: "2027-01-10", reason: "设备到货延迟" })),
    ).toEqual({
      ok: true,
      version: 5,
    });
    const submit = (v: number) =>
      step(v, rectifier, (h) => planSubmitRectification(h, { measuresTaken: "锚索加固", userId: rectifier.id, now }));
    expect(await submit(5)).toEqual({ ok: true, version: 6 });
    const acceptance = { type: "expert" as const, completedOn: "2026-12-30", costWan: 12.5, opinion: "符合要求" };
    // The rectifier cannot accept their own work.
    expect(
      await step(6, rectifier, (h) => planAcceptance(h, { passed: true, acceptance, userId: rectifier.id, now })),
    ).toMatchObject({ ok: false, error: "ownRectification" });
    expect(
      await step(6, acceptor, (h) => planAcceptance(h, { passed: false, reason: "仍有离层", userId: acceptor.id })),
    ).toEqual({
      ok: true,
      version: 7,
    });
    expect(await submit(7)).toEqual({ ok: true, version: 8 });
    expect(
      await step(8, acceptor, (h) => planAcceptance(h, { passed: true, acceptance, userId: acceptor.id, now })),
    ).toEqual({ ok: true, version: 9 });

    const closed = (await getHazard(t.db, { code }))!;
    expect(closed).toMatchObject({
      status: "closed",
      failedAcceptances: 1,
      deadline: "2027-01-10",
      rectifiedById: rectifier.id,
      supervisionLevel: "city",
      acceptance,
      fiveInPlace: five,
    });
    const history = await hazardEvents(t.db, id);
    expect(history.map((e) => (e.action === "hazard.status" ? `${e.oldValue}→${e.newValue}` : e.action))).toEqual([
      "hazard.create",
      "hazard.five",
      "found→rectifying",
      "hazard.assign",
      "hazard.supervise",
      "hazard.extend",
      "rectifying→accepting",
      "accepting→rectifying",
      "rectifying→accepting",
      "hazard.accept",
      "accepting→closed",
    ]);
    expect(history.find((e) => e.action === "hazard.extend")).toMatchObject({
      actorName: rectifier.name,
      reason: "设备到货延迟",
    });
    expect(history.find((e) => e.oldValue === "accepting" && e.newValue === "rectifying")!.reason).toBe("仍有离层");
    // The other hazard's events are not in this one's history, and the chain holds everything.
    expect(history.every((e) => e.seq > 0)).toBe(true);
    expect((await hazardEvents(t.db, id + 1)).map((e) => e.action)).toEqual(["hazard.create"]);
    expect((await verifyHistory(t.db)).ok).toBe(true);
  });

  it("answers notFound for a hazard that does not exist", async () => {
    expect(
      await changeHazard(t.db, { hazardId: 999, expectedVersion: 1, actor: inspector, now }, (h) =>
        planFiveInPlace(h, { fiveInPlace: five }),
      ),
    ).toEqual({ ok: false, error: "notFound" });
  });
});

describe("an inspection on the database", () => {
  const plan = () => ({
    title: "神木市煤矿安全生产大排查",
    campaign: "安全生产大排查大起底",
    unitId: t.unitId["U-YJJ"],
    areaId: t.areaId.S04,
    regionId: t.regionId["610881"],
    plannedFrom: "2026-12-01",
    plannedTo: "2026-12-05",
    inspectors: "李明、赵敏",
  });
  const end = (inspectionId: number, expectedVersion: number, nothingFound: boolean) =>
    completeInspection(t.db, {
      inspectionId,
      expectedVersion,
      nothingFound,
      doneOn: today,
      today,
      actor: inspector,
      now,
    });
  const events = async (action: string) =>
    ((await t.get("SELECT count(*) AS n FROM risk_events WHERE action = ?", action)) as { n: number }).n;

  it("ends with what it found, or with nothing found — never both, and a refusal writes nothing", async () => {
    const quiet = await insertInspection(t.db, { input: plan(), actor: inspector, now, year: 2026 });
    const busy = await insertInspection(t.db, { input: plan(), actor: inspector, now, year: 2026 });
    expect([quiet.code, busy.code]).toEqual(["PC-2026-00001", "PC-2026-00002"]);
    // Nothing found: said so, and counted in the history.
    expect(await end(quiet.id, 1, true)).toEqual({ ok: true, version: 2 });
    expect(await events("inspection.nothing")).toBe(1);
    expect(await end(quiet.id, 2, true)).toMatchObject({ ok: false, error: "invalidTransition" });
    // Done without findings is refused; with one hazard recorded, "nothing found" is refused.
    expect(await end(busy.id, 1, false)).toMatchObject({ ok: false, error: "noFindings" });
    await insertHazard(t.db, { input: input({ inspectionId: busy.id }), actor: inspector, now, year: 2026 });
    const before = await events("inspection.done");
    expect(await end(busy.id, 1, true)).toMatchObject({ ok: false, error: "findingsRecorded" });
    expect(await events("inspection.done")).toBe(before);
    expect(await end(busy.id, 1, false)).toEqual({ ok: true, version: 2 });
    expect(await t.get("SELECT status FROM inspections WHERE id = ?", busy.id)).toMatchObject({
      status: "done",
    });
    expect((await verifyHistory(t.db)).ok).toBe(true);
  });
});
