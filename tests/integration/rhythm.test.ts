import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { boardAsOf } from "@/db/history/as-of";
import { verifyHistory } from "@/db/history/verify";
import { acknowledgeRed, changeStatus, gradeRisk } from "@/db/mutations/grading";
import { addCorrection, addDecision, addTask } from "@/db/mutations/meeting-items";
import { closeMeeting, completeTask, createMeeting, updateMeeting } from "@/db/mutations/meetings";
import { fileDailyReport } from "@/db/mutations/reports";
import { insertRisk } from "@/db/mutations/risks";
import { insertUser } from "@/db/mutations/users";
import { getLastMeeting, getMeeting, listTasks } from "@/db/queries/meetings";
import { reportingStandings } from "@/db/queries/reports";
import { buildBoard } from "@/lib/domain/board";
import { startOfDayInZone } from "@/lib/domain/dates";
import { boardFromSummary } from "@/lib/domain/meetings";
import { reportDeadline } from "@/lib/domain/reporting";
import { DEFAULT_REVIEW_DAYS } from "@/lib/domain/review";
import { cellsOfBoard } from "@/lib/domain/trend";
import { assembleWeeklyAnalysis } from "@/db/queries/weekly-analysis";
import { statesAsOf } from "@/db/history/as-of";
import { assessment } from "../support/risk-input";
import { createTestDb, type TestDb } from "./test-db";

const TZ = "Asia/Shanghai";
const at = (day: string, hh = 10) => new Date(startOfDayInZone(day, TZ) + hh * 3_600_000);
const NOW = at("2026-11-25", 10);
let t: TestDb;
let actor: { id: number; name: string };

beforeEach(async () => {
  t = await createTestDb();
  const u = await insertUser(t.db, {
    username: "zhang",
    displayName: "张伟",
    passwordHash: "x",
    mustChangePassword: false,
    access: { roles: ["officer"], scope: { areaIds: [], regionIds: [] }, unitIds: [t.unitId["U-ZJJ"]] },
    actor: { id: null, name: "system:test" },
    now: at("2026-10-01"),
  });
  if (!u.ok) throw new Error("fixture user");
  actor = { id: u.id, name: "张伟 (zhang)" };
});
afterEach(() => t.cleanup());

function risk(
  title: string,
  colour: "red" | "orange" | "yellow" | "blue",
  p: { day?: string; next?: string; area?: string; region?: string } = {},
) {
  const input = {
    title,
    description: "",
    areaId: t.areaId[p.area ?? "S03"],
    regionId: t.regionId[p.region ?? "610881"],
    responsibleUnitId: t.unitId["U-ZJJ"],
    responsiblePerson: "张伟",
    coUnitIds: [],
    reason: "",
  };
  return insertRisk(t.db, {
    input,
    assessment: assessment(colour),
    nextReviewDate: p.next ?? "2026-12-30",
    actor,
    now: at(p.day ?? "2026-10-05"),
    year: 2026,
  });
}
const unitDay = async (unit: string, day: string, nowMs = NOW.getTime(), cutoff = "17:00") =>
  (await reportingStandings(t.db, { from: day, to: day, nowMs, cutoff, timeZone: TZ })).get(t.unitId[unit])!.get(day)!
    .standing;

describe("daily reports (日报告 / 零报告)", () => {
  const file = (day: string, when: Date, kind: "zero" | "items" = "zero") =>
    fileDailyReport(t.db, {
      unitId: t.unitId["U-ZJJ"],
      day,
      kind,
      items: kind === "items" ? [{ kind: "incident", text: "管道异味,已处置" }] : [],
      note: "",
      deadlineAt: reportDeadline(day, "17:00", TZ),
      actor,
      now: when,
    });

  it("judges each unit-day by its first report, against the deadline in force when it was filed", async () => {
    expect(await file("2026-11-20", at("2026-11-20", 9))).toMatchObject({ ok: true, late: false, supplement: false });
    expect(await file("2026-11-20", at("2026-11-20", 20), "items")).toMatchObject({
      ok: true,
      late: true,
      supplement: true,
    });
    expect(await file("2026-11-21", at("2026-11-21", 18), "items")).toMatchObject({
      ok: true,
      late: true,
      supplement: false,
    });
    expect(await unitDay("U-ZJJ", "2026-11-20")).toBe("zero"); // the late supplement does not turn it late
    expect(await unitDay("U-ZJJ", "2026-11-21")).toBe("late");
    expect(await unitDay("U-ZJJ", "2026-11-22")).toBe("missing");
    // Before the cut-off a unit that has not filed is still due, not late.
    expect(await unitDay("U-GAJ", "2026-11-25", at("2026-11-25", 12).getTime())).toBe("pending");
    expect(await unitDay("U-GAJ", "2026-11-25", at("2026-11-25", 18).getTime())).toBe("missing");
    // A later, earlier cut-off changes nothing already filed.
    expect(
      (
        await reportingStandings(t.db, {
          from: "2026-11-20",
          to: "2026-11-20",
          nowMs: NOW.getTime(),
          cutoff: "00:00",
          timeZone: TZ,
        })
      )
        .get(t.unitId["U-ZJJ"])!
        .get("2026-11-20")!.standing,
    ).toBe("zero");
  });

  it("is part of the append-only history, and the database refuses to edit or delete a report", async () => {
    await file("2026-11-20", at("2026-11-20", 9), "items");
    const e = (await t.get("SELECT action, new_value FROM risk_events ORDER BY seq DESC LIMIT 1")) as {
      action: string;
      new_value: string;
    };
    expect(e.action).toBe("report.file");
    expect(JSON.parse(e.new_value)).toMatchObject({ unitId: t.unitId["U-ZJJ"], day: "2026-11-20", kind: "items" });
    expect((await verifyHistory(t.db)).ok).toBe(true);
    await expect(t.run("UPDATE daily_reports SET kind = 'zero'")).rejects.toThrow(/append-only/);
    await expect(t.run("DELETE FROM daily_reports")).rejects.toThrow(/append-only/);
  });

  it("refuses a report naming a risk that does not exist, writing nothing", async () => {
    const before = ((await t.get("SELECT count(*) AS n FROM risk_events")) as { n: number }).n;
    const r = await fileDailyReport(t.db, {
      unitId: t.unitId["U-ZJJ"],
      day: "2026-11-20",
      kind: "items",
      items: [{ kind: "new_risk", riskId: 999, text: "x" }],
      note: "",
      deadlineAt: 0,
      actor,
      now: NOW,
    });
    expect(r).toEqual({ ok: false, error: "unknownRisk" });
    expect(((await t.get("SELECT count(*) AS n FROM risk_events")) as { n: number }).n).toBe(before);
  });
});

describe("weekly analysis (周分析)", () => {
  // 2026-W46 runs from Monday 2026-11-09 to Sunday 2026-11-15.
  async function seedWeek() {
    const a = await risk("神木市燃气管网老化风险", "yellow");
    const b = await risk("神木市加气站风险", "orange");
    const c = await risk("神木市液化气储配站风险", "orange");
    const d = await risk("神木市老旧小区燃气风险", "blue", { next: "2026-11-05" }); // due before the week ends, never reviewed
    const e = await risk("神木市餐饮燃气风险", "yellow");
    await gradeRisk(t.db, {
      riskId: a.id,
      expectedVersion: 1,
      actor,
      now: at("2026-11-10"),
      assessment: assessment("orange"),
      reason: "管网腐蚀加剧",
      nextReviewDate: "2026-11-25",
    });
    await gradeRisk(t.db, {
      riskId: b.id,
      expectedVersion: 1,
      actor,
      now: at("2026-11-11"),
      assessment: assessment("red"),
      reason: "发生泄漏",
      nextReviewDate: "2026-11-18",
    });
    await gradeRisk(t.db, {
      riskId: c.id,
      expectedVersion: 1,
      actor,
      now: at("2026-11-12"),
      assessment: assessment("yellow"),
      reason: "整改完成",
      nextReviewDate: "2026-12-12",
    });
    await changeStatus(t.db, {
      riskId: e.id,
      expectedVersion: 1,
      actor,
      now: at("2026-11-14"),
      status: "resolved",
      reason: "隐患已消除",
    });
    const f = await risk("神木市燃气调压站风险", "blue", { day: "2026-11-13" });
    // Outside the week: before and after it.
    await gradeRisk(t.db, {
      riskId: c.id,
      expectedVersion: 2,
      actor,
      now: at("2026-11-17"),
      assessment: assessment("red"),
      reason: "复发",
      nextReviewDate: "2026-11-24",
    });
    await acknowledgeRed(t.db, {
      riskId: b.id,
      expectedVersion: 2,
      actor,
      now: at("2026-11-18"),
      instruction: "立即处置",
    });
    return { a, b, c, d, e, f };
  }
  const analyse = async (monday: string) =>
    assembleWeeklyAnalysis(t.db, {
      monday,
      timeZone: TZ,
      nowMs: NOW.getTime(),
      present: buildBoard((await statesAsOf(t.db, NOW.getTime(), NOW.getTime())).values()),
      reviewDays: DEFAULT_REVIEW_DAYS,
      cutoff: "17:00",
    });

  it("lists exactly the week's escalations, de-escalations, new and resolved risks, with reasons", async () => {
    const r = await seedWeek();
    const w = await analyse("2026-11-09");
    expect(w.week).toMatchObject({ label: "2026-W46", sunday: "2026-11-15", complete: true });
    expect(w.changes.escalations.map((x) => [x.riskId, x.from, x.to, x.reason])).toEqual([
      [r.a.id, "yellow", "orange", "管网腐蚀加剧"],
      [r.b.id, "orange", "red", "发生泄漏"],
    ]);
    expect(w.changes.deescalations.map((x) => [x.riskId, x.from, x.to, x.reason])).toEqual([
      [r.c.id, "orange", "yellow", "整改完成"],
    ]);
    expect(w.changes.created.map((x) => x.riskId)).toEqual([r.f.id]);
    expect(w.changes.resolved.map((x) => [x.riskId, x.status])).toEqual([[r.e.id, "resolved"]]);
  });

  it("counts per colour at the week's end and the week before, as the board stood then", async () => {
    await seedWeek();
    const w = await analyse("2026-11-09");
    expect(w.counts.now).toEqual((await boardAsOf(t.db, startOfDayInZone("2026-11-16", TZ), NOW.getTime())).totals);
    expect(w.counts.before).toEqual((await boardAsOf(t.db, startOfDayInZone("2026-11-09", TZ), NOW.getTime())).totals);
    expect(w.counts.now).toEqual({ red: 1, orange: 1, yellow: 1, blue: 2 });
    expect(w.areas.find((g) => g.id === t.areaId.S03)!.now).toEqual(w.counts.now);
  });

  it("names the reds still awaiting a leader and the overdue reviews at the week's end, not today", async () => {
    const r = await seedWeek();
    const w46 = await analyse("2026-11-09");
    expect(w46.awaitingAck.map((x) => x.riskId)).toEqual([r.b.id]); // acknowledged only on 11-18
    expect(w46.overdue.map((x) => [x.riskId, x.due])).toEqual([[r.d.id, "2026-11-05"]]);
    const w47 = await analyse("2026-11-16");
    expect(w47.awaitingAck.map((x) => x.riskId)).toEqual([r.c.id]); // c went red on 11-17, not acknowledged
    // By the end of W47 (Monday 11-23) b's review due 11-18 has passed as well.
    expect(w47.overdue.map((x) => x.riskId).sort()).toEqual([r.b.id, r.d.id].sort());
  });

  it("lists units with missing or late reports in the week", async () => {
    await fileDailyReport(t.db, {
      unitId: t.unitId["U-ZJJ"],
      day: "2026-11-10",
      kind: "zero",
      items: [],
      note: "",
      deadlineAt: reportDeadline("2026-11-10", "17:00", TZ),
      actor,
      now: at("2026-11-10", 9),
    });
    await fileDailyReport(t.db, {
      unitId: t.unitId["U-ZJJ"],
      day: "2026-11-11",
      kind: "zero",
      items: [],
      note: "",
      deadlineAt: reportDeadline("2026-11-11", "17:00", TZ),
      actor,
      now: at("2026-11-11", 19),
    });
    const row = (await analyse("2026-11-09")).reporting.find((x) => x.unitId === t.unitId["U-ZJJ"])!;
    expect(row.late).toEqual(["2026-11-11"]);
    expect(row.missing).toEqual(["2026-11-09", "2026-11-12", "2026-11-13", "2026-11-14", "2026-11-15"]);
  });
});

describe("meetings", () => {
  const header = (heldAt: Date) => ({
    type: "monthly_review" as const,
    title: "11月月研判会",
    heldAt,
    chair: "市长",
    attendees: ["应急局", "公安局"],
    notes: "",
  });

  it("freezes the board at the meeting's time on closing, then refuses every edit but corrections", async () => {
    const a = await risk("神木市燃气管网老化风险", "yellow");
    const heldAt = at("2026-11-10", 9);
    const { id } = await createMeeting(t.db, { ...header(heldAt), actor, now: at("2026-11-09") });
    // The board moves after the meeting; the frozen snapshot must not.
    await gradeRisk(t.db, {
      riskId: a.id,
      expectedVersion: 1,
      actor,
      now: at("2026-11-12"),
      assessment: assessment("red"),
      reason: "泄漏",
      nextReviewDate: "2026-11-19",
    });
    expect(await closeMeeting(t.db, { id, expectedVersion: 2, snapshot: [], actor, now: NOW })).toEqual({
      ok: false,
      error: "conflict",
    });
    const snapshot = cellsOfBoard(await boardAsOf(t.db, heldAt.getTime(), NOW.getTime()));
    expect(await closeMeeting(t.db, { id, expectedVersion: 1, snapshot, actor, now: NOW })).toEqual({ ok: true });
    const m = (await getMeeting(t.db, id))!;
    expect(boardFromSummary(m.snapshot!).totals).toEqual({ red: 0, orange: 0, yellow: 1, blue: 0 });
    expect(
      await updateMeeting(t.db, { id, expectedVersion: 2, ...header(heldAt), title: "改名", actor, now: NOW }),
    ).toEqual({
      ok: false,
      error: "closed",
    });
    expect(
      await addDecision(t.db, { meetingId: id, riskId: null, leader: "市长", text: "补充", actor, now: NOW }),
    ).toEqual({
      ok: false,
      error: "closed",
    });
    // The database refuses too, whatever a future code path forgets.
    await expect(t.run("UPDATE meetings SET title = 'x' WHERE id = ?", id)).rejects.toThrow(/closed/);
    await expect(
      t.run("INSERT INTO meeting_tasks (meeting_id, unit_id, title, due_date) VALUES (?, 1, 'x', '2099-01-01')", id),
    ).rejects.toThrow(/closed/);
    expect(await addCorrection(t.db, { meetingId: id, text: "参会人员补记:市水利局", actor, now: NOW })).toMatchObject({
      ok: true,
    });
    expect((await getMeeting(t.db, id))!.corrections.map((c) => c.text)).toEqual(["参会人员补记:市水利局"]);
    expect((await verifyHistory(t.db)).ok).toBe(true);
  });

  it("finds the last meeting of a type held before a moment (the board's default reference)", async () => {
    for (const [type, day] of [
      ["dispatch", "2026-11-05"],
      ["monthly_review", "2026-11-03"],
      ["monthly_review", "2026-11-09"],
    ] as const) {
      await createMeeting(t.db, { ...header(at(day, 9)), type, actor, now: at("2026-11-01") });
    }
    expect((await getLastMeeting(t.db, { type: "monthly_review", atOrBefore: at("2026-11-08") }))?.heldAt).toEqual(
      at("2026-11-03", 9),
    );
    expect(await getLastMeeting(t.db, { type: "ad_hoc", atOrBefore: at("2026-11-08") })).toBeUndefined();
  });

  it("carries an open task onto every later meeting's agenda until its unit completes it", async () => {
    const first = await createMeeting(t.db, { ...header(at("2026-11-02", 9)), actor, now: at("2026-11-01") });
    const task = await addTask(t.db, {
      meetingId: first.id,
      unitId: t.unitId["U-ZJJ"],
      riskId: null,
      title: "完成燃气管网排查",
      dueDate: "2026-11-20",
      actor,
      now: at("2026-11-02", 10),
    });
    const second = await createMeeting(t.db, {
      ...header(at("2026-11-05", 15)),
      type: "dispatch",
      actor,
      now: at("2026-11-05"),
    });
    const agenda = async () =>
      (await listTasks(t.db, { status: "open", heldBefore: at("2026-11-05", 15), excludeMeetingId: second.id })).map(
        (x) => x.title,
      );
    expect(await agenda()).toEqual(["完成燃气管网排查"]);
    const taskId = (task as { id: number }).id;
    expect(await completeTask(t.db, { taskId, note: "已完成", unitIds: [t.unitId["U-GAJ"]], actor, now: NOW })).toEqual(
      {
        ok: false,
        error: "notYourUnit",
      },
    );
    expect(await completeTask(t.db, { taskId, note: "已完成", unitIds: [t.unitId["U-ZJJ"]], actor, now: NOW })).toEqual(
      {
        ok: true,
      },
    );
    expect(await completeTask(t.db, { taskId, note: "再次", unitIds: [t.unitId["U-ZJJ"]], actor, now: NOW })).toEqual({
      ok: false,
      error: "alreadyDone",
    });
    expect(await agenda()).toEqual([]);
  });
});
