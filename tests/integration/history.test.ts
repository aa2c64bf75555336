import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/connection";
import { sealHistory } from "@/db/history/seal";
import { verifyHistory, verifyHistorySync } from "@/db/history/verify";
import { firstDocumentedBreak } from "../support/chain-oracle";
import { applyMigrations } from "@/db/migrate";
import { gradeRisk } from "@/db/mutations/grading";
import { insertRisk } from "@/db/mutations/risks";
import { seedDemoRegister, seedReference } from "@/db/seed";
import { replay } from "@/lib/domain/board";
import { assessment } from "../support/risk-input";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
const actor = { id: 7, name: "张伟 (zhangwei)" };
const now = new Date("2026-11-25T02:00:00Z");

beforeEach(async () => {
  t = await createTestDb();
  await seedDemoRegister(t.sqlite, { count: 40, now });
  const input = {
    title: "榆阳区加油站油气回收风险",
    description: "",
    areaId: t.areaId.S02,
    regionId: t.regionId["610802"],
    responsibleUnitId: t.unitId["U-ZJJ"],
    responsiblePerson: "张伟",
    coUnitIds: [],
    reason: "",
  };
  const { id } = await insertRisk(t.db, {
    input,
    assessment: assessment("yellow"),
    nextReviewDate: "2026-12-20",
    actor,
    now,
    year: 2026,
  });
  await gradeRisk(t.db, {
    riskId: id,
    expectedVersion: 1,
    actor,
    now,
    assessment: assessment("red"),
    reason: "油气泄漏",
    nextReviewDate: "2026-12-01",
  });
});
afterEach(() => t.cleanup());

const count = () => (t.sqlite.prepare("SELECT count(*) AS n FROM risk_events").get() as { n: number }).n;
const head = () =>
  (t.sqlite.prepare("SELECT hash FROM risk_events ORDER BY seq DESC LIMIT 1").get() as { hash: string }).hash;
/** Every risk's state at `at`, by replaying every event up to it: the oracle the faster walks are held to. */
const fromScratch = (at: number) =>
  replay(
    new Map(),
    (
      t.sqlite
        .prepare(
          "SELECT risk_id, action, field, new_value FROM risk_events WHERE at <= ? AND risk_id IS NOT NULL ORDER BY at, seq",
        )
        .all(at) as Array<{ risk_id: number; action: string; field: string | null; new_value: string | null }>
    ).map((e) => ({
      riskId: e.risk_id,
      action: e.action,
      field: e.field,
      newValue: e.new_value === null ? null : JSON.parse(e.new_value),
    })),
  );
/** What an attacker with the file and a SQLite shell would do first: remove the guard triggers. */
const dropGuards = () => t.sqlite.exec("DROP TRIGGER risk_events_no_update; DROP TRIGGER risk_events_no_delete;");

describe("the history's hash chain", () => {
  it("verifies a real history: N events and the head hash", async () => {
    expect(verifyHistorySync(t.sqlite)).toEqual({ ok: true, count: count(), head: head() });
    // The chunked form the auditor page uses agrees, whatever the chunk size.
    expect(await verifyHistory(t.sqlite, { chunk: 7, pause: async () => undefined })).toEqual({
      ok: true,
      count: count(),
      head: head(),
    });
    // …and the rows the app wrote follow the documented formula, recomputed in the test.
    expect(firstDocumentedBreak(t.sqlite)).toBeNull();
  });

  it("refuses UPDATE and DELETE through raw SQL while the triggers stand", () => {
    expect(() => t.sqlite.prepare("UPDATE risk_events SET reason = 'x' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => t.sqlite.prepare("DELETE FROM risk_events WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() =>
      t.sqlite.prepare("INSERT INTO risk_events (at, actor_name, action) VALUES (1, 'x', 'forged')").run(),
    ).toThrow(/prev_hash and hash/);
    // Even the one allowed update (sealing) cannot touch a sealed row.
    expect(() => t.sqlite.prepare("UPDATE risk_events SET hash = 'f00' WHERE seq = 3").run()).toThrow(/append-only/);
  });

  it("names the altered event when a row is changed behind the triggers' back", () => {
    dropGuards();
    t.sqlite.prepare("UPDATE risk_events SET new_value = '\"blue\"' WHERE seq = 12").run();
    expect(verifyHistorySync(t.sqlite)).toMatchObject({ ok: false, count: 11, broken: { kind: "hash", seq: 12 } });
  });

  it("names the gap when a row in the middle is deleted", () => {
    dropGuards();
    t.sqlite.prepare("DELETE FROM risk_events WHERE seq = 20").run();
    expect(verifyHistorySync(t.sqlite)).toMatchObject({
      ok: false,
      count: 19,
      broken: { kind: "gap", seq: 21, expected: 20 },
    });
  });

  it("detects rows removed from the end", () => {
    dropGuards();
    const n = count();
    t.sqlite.prepare("DELETE FROM risk_events WHERE seq = ?").run(n);
    expect(verifyHistorySync(t.sqlite)).toMatchObject({
      ok: false,
      broken: { kind: "tail", lastSeq: n - 1, highest: n },
    });
  });

  it("detects a forged row whose hash was recomputed but not the rows after it", () => {
    dropGuards();
    // Re-hashing one row is not enough: the next row's prev_hash still names the old hash.
    t.sqlite.prepare("UPDATE risk_events SET reason = '改', hash = 'aaaa' WHERE seq = 5").run();
    expect(verifyHistorySync(t.sqlite)).toMatchObject({ ok: false, broken: { seq: 5 } });
  });
});

describe("upgrading a database written before the chain existed", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "sise-upgrade-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("seals the old events in order, moves free-text measures into the list, and verifies", async () => {
    // Migrations up to 0005 only: the schema as issue #3 left it.
    const old = join(dir, "drizzle");
    cpSync("drizzle", old, { recursive: true });
    const journal = JSON.parse(readFileSync(join(old, "meta/_journal.json"), "utf8"));
    journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 5);
    writeFileSync(join(old, "meta/_journal.json"), JSON.stringify(journal));
    const sqlite = openDatabase(join(dir, "old.db"));
    migrate(drizzle(sqlite), { migrationsFolder: old });
    await seedReference(sqlite);
    const area = (sqlite.prepare("SELECT id FROM areas WHERE code = 'S03'").get() as { id: number }).id;
    const unit = (sqlite.prepare("SELECT id FROM units LIMIT 1").get() as { id: number }).id;
    sqlite
      .prepare(
        `INSERT INTO risks (code, title, area_id, region_id, colour, responsible_unit_id, responsible_person, control_measures, next_review_date, created_at, updated_at)
      VALUES ('YL-2026-00001', '旧风险', ?, 1, 'orange', ?, '王芳', '每日巡查', '2026-12-01', 1, 1)`,
      )
      .run(area, unit);
    for (let i = 0; i < 3; i++) {
      sqlite
        .prepare(
          "INSERT INTO risk_events (at, risk_id, actor_name, action, field, old_value, new_value, reason) VALUES (?, 1, '王芳', 'update', 'colour', '\"yellow\"', '\"orange\"', ?)",
        )
        .run(1000 + i, `旧原因${i}`);
    }
    // Now the current code base opens it: all migrations, then sealing.
    await applyMigrations(sqlite);
    expect(sqlite.prepare("SELECT count(*) AS n FROM risk_events WHERE hash IS NULL").get()).toEqual({ n: 0 });
    expect(verifyHistorySync(sqlite)).toMatchObject({ ok: true, count: 3 });
    expect(sqlite.prepare("SELECT description, owner, status FROM risk_measures").all()).toEqual([
      { description: "每日巡查", owner: "王芳", status: "in_progress" },
    ]);
    expect(await sealHistory(sqlite)).toBe(0);
    sqlite.close();
  });
});

describe("the history replays to the current register", () => {
  it("rebuilds every risk's colour, status and place from its events, seeded and app-written alike", async () => {
    const { buildBoard, replay } = await import("@/lib/domain/board");
    const { changeStatus } = await import("@/db/mutations/grading");
    const { updateRiskDetails } = await import("@/db/mutations/risks");
    const risk = t.sqlite.prepare("SELECT id, version FROM risks WHERE title = '榆阳区加油站油气回收风险'").get() as {
      id: number;
      version: number;
    };
    changeStatus(t.db, {
      riskId: risk.id,
      expectedVersion: risk.version,
      actor,
      now,
      status: "controlling",
      reason: "专人盯守",
    });
    const input = {
      title: "榆阳区加油站油气回收风险",
      description: "",
      areaId: t.areaId.S02,
      regionId: t.regionId["610881"],
      responsibleUnitId: t.unitId["U-ZJJ"],
      responsiblePerson: "张伟",
      coUnitIds: [],
      reason: "划归神木市",
    };
    updateRiskDetails(t.db, { riskId: risk.id, expectedVersion: risk.version + 1, input, actor, now });
    const events = (
      t.sqlite.prepare("SELECT risk_id, action, field, new_value FROM risk_events ORDER BY seq").all() as Array<{
        risk_id: number | null;
        action: string;
        field: string | null;
        new_value: string | null;
      }>
    ).map((e) => ({
      riskId: e.risk_id,
      action: e.action,
      field: e.field,
      newValue: e.new_value === null ? null : JSON.parse(e.new_value),
    }));
    const replayed = replay(new Map(), events);
    const current = t.sqlite
      .prepare("SELECT id AS riskId, area_id AS areaId, region_id AS regionId, colour, status FROM risks")
      .all() as Array<{ riskId: number }>;
    expect(replayed.size).toBe(current.length);
    for (const row of current) expect(replayed.get(row.riskId)).toEqual(row);
    expect(buildBoard(replayed.values()).totals.red).toBeGreaterThan(0);
  });
});

describe("the board as of any moment", () => {
  it("is the same from monthly checkpoints as from replaying the whole history", async () => {
    const { statesAsOf } = await import("@/db/history/as-of");
    const day = 86_400_000;
    for (const at of [
      now.getTime() - 700 * day,
      now.getTime() - 365 * day,
      now.getTime() - 40 * day,
      now.getTime() - 3 * day,
    ]) {
      expect(statesAsOf(t.sqlite, at)).toEqual(fromScratch(at));
    }
    const checkpoints = (t.sqlite.prepare("SELECT count(*) AS n FROM board_checkpoints").get() as { n: number }).n;
    // The oldest moment walked forward and made the checkpoints up to it (about 11 months of the
    // demo's two years); the later ones, nearer the present, walked back from it.
    expect(checkpoints).toBeGreaterThan(8);
    expect(checkpoints).toBeLessThan(20);
    // A write made now does not change the past.
    const past = now.getTime() - 40 * day;
    const before = statesAsOf(t.sqlite, past);
    const risk = t.sqlite
      .prepare("SELECT id, version FROM risks WHERE status IN ('identified', 'controlling') LIMIT 1")
      .get() as { id: number; version: number };
    await gradeRisk(t.db, {
      riskId: risk.id,
      expectedVersion: risk.version,
      actor,
      now: new Date(),
      assessment: assessment("red"),
      reason: "升级",
      nextReviewDate: "2026-12-01",
    });
    expect(statesAsOf(t.sqlite, past)).toEqual(before);
  });
});

describe("the history views derived ahead of need", () => {
  it("makes every monthly checkpoint and week board the whole history replays to, in batches, once", async () => {
    const { deriveHistory } = await import("@/db/history/derive");
    const { summariseCells } = await import("@/lib/domain/trend");
    const { unpack } = await import("@/db/history/as-of");
    // Independent of the derivation's batches and cursor: every event up to the instant (fromScratch).
    const later = now.getTime() + 3_600_000;
    let pauses = 0;
    const made = await deriveHistory(t.sqlite, {
      timeZone: "Asia/Shanghai",
      nowMs: later,
      pause: async () => void (pauses += 1),
    });
    const months = t.sqlite.prepare("SELECT at, states FROM board_checkpoints ORDER BY at").all() as Array<{
      at: number;
      states: string;
    }>;
    const weeks = t.sqlite.prepare("SELECT at, cells FROM board_weeks ORDER BY at").all() as Array<{
      at: number;
      cells: string;
    }>;
    expect(made).toMatchObject({ checkpoints: months.length, weeks: weeks.length });
    // The demo register spans two years: about 24 months and 104 weeks, each derived.
    expect(months.length).toBeGreaterThan(20);
    expect(weeks.length).toBeGreaterThan(90);
    expect(pauses).toBeGreaterThanOrEqual(weeks.length);
    for (const m of months) {
      const states = new Map((JSON.parse(m.states) as Parameters<typeof unpack>[0][]).map((x) => [x[0], unpack(x)]));
      expect(states, new Date(m.at).toISOString()).toEqual(fromScratch(m.at));
    }
    for (const w of weeks)
      expect(JSON.parse(w.cells), new Date(w.at).toISOString()).toEqual(
        JSON.parse(JSON.stringify(summariseCells(fromScratch(w.at).values()))),
      );
    // Every boundary a minute or more in the past, none later: a later event could still land before it.
    expect(Math.max(...weeks.map((w) => w.at), ...months.map((m) => m.at))).toBeLessThanOrEqual(later - 60_000);
    // A second run finds nothing to do.
    expect(await deriveHistory(t.sqlite, { timeZone: "Asia/Shanghai", nowMs: later })).toEqual({
      checkpoints: 0,
      weeks: 0,
      events: 0,
    });
  });

  it("goes on from the last checkpoint when only the newest rows are missing", async () => {
    const { deriveHistory } = await import("@/db/history/derive");
    const later = now.getTime() + 3_600_000;
    await deriveHistory(t.sqlite, { timeZone: "Asia/Shanghai", nowMs: later });
    const all = t.sqlite.prepare("SELECT at, cells FROM board_weeks ORDER BY at").all();
    t.sqlite.exec("DELETE FROM board_weeks WHERE at > (SELECT max(at) FROM board_checkpoints)");
    const again = await deriveHistory(t.sqlite, { timeZone: "Asia/Shanghai", nowMs: later });
    expect(again.checkpoints).toBe(0);
    expect(again.weeks).toBeGreaterThan(0);
    expect(again.events).toBeLessThan(count() / 4); // from the last month's checkpoint, not from the start
    expect(t.sqlite.prepare("SELECT at, cells FROM board_weeks ORDER BY at").all()).toEqual(all);
  });
});

describe("the weekly trend", () => {
  it("counts each week's end exactly as the board as of that moment, stores it once, and follows the filter", async () => {
    const { statesAsOf } = await import("@/db/history/as-of");
    const { weeklyTrend } = await import("@/db/history/trend");
    const { buildBoard } = await import("@/lib/domain/board");
    const { startOfDayInZone, addDays } = await import("@/lib/domain/dates");
    const later = now.getTime() + 3_600_000;
    const { presentBoard } = await import("@/db/queries/board-snapshot");
    const present = presentBoard(t.db, "2026-11-25").board;
    const trend = weeklyTrend(t.sqlite, { weeks: 30, timeZone: "Asia/Shanghai", present, nowMs: later });
    expect(trend).toHaveLength(31);
    expect(trend.at(-1)!.day).toBe("now");
    // 2026-11-25 is a Wednesday: the last full week ended on Sunday 2026-11-22.
    expect(trend.at(-2)!.day).toBe("2026-11-22");
    for (const point of trend.slice(0, -1)) {
      const at = startOfDayInZone(addDays(point.day, 1), "Asia/Shanghai");
      expect(point.counts, point.day).toEqual(buildBoard(statesAsOf(t.sqlite, at, later).values()).totals);
    }
    // The seeded history moves the counts; a flat line would test nothing.
    expect(new Set(trend.map((p) => JSON.stringify(p.counts))).size).toBeGreaterThan(3);
    const stored = () => (t.sqlite.prepare("SELECT count(*) AS n FROM board_weeks").get() as { n: number }).n;
    expect(stored()).toBe(30);
    // A second call reads the stored weeks and answers the same.
    expect(weeklyTrend(t.sqlite, { weeks: 30, timeZone: "Asia/Shanghai", present, nowMs: later })).toEqual(trend);
    // One region: its counts are that region's cells only, and never more than the city's.
    const region = t.regionId["610802"];
    const regional = weeklyTrend(t.sqlite, {
      weeks: 30,
      filter: { regionId: region },
      timeZone: "Asia/Shanghai",
      present,
      nowMs: later,
    });
    regional.slice(0, -1).forEach((point, i) => {
      const at = startOfDayInZone(addDays(point.day, 1), "Asia/Shanghai");
      expect(point.counts).toEqual(
        buildBoard(statesAsOf(t.sqlite, at, later).values()).byRegion.get(region) ?? {
          red: 0,
          orange: 0,
          yellow: 0,
          blue: 0,
        },
      );
      expect(point.counts.blue).toBeLessThanOrEqual(trend[i].counts.blue);
    });
    // The present point is the live board (the red graded in beforeEach is in it), counted here in
    // plain SQL rather than with the board's own query and aggregation.
    const count = (where: string, ...p: unknown[]) =>
      Object.fromEntries(
        ["red", "orange", "yellow", "blue"].map((c) => [
          c,
          t.sqlite
            .prepare(`SELECT count(*) FROM risks WHERE status IN ('identified', 'controlling') AND colour = ? ${where}`)
            .pluck()
            .get(c, ...p),
        ]),
      );
    expect(trend.at(-1)!.counts).toEqual(count(""));
    expect(regional.at(-1)!.counts).toEqual(count("AND region_id = ?", region));
    expect(regional.at(-1)!.counts.red).toBeGreaterThanOrEqual(1);
  });
});

describe("remembered boards", () => {
  it("keeps the present board until the history moves, then counts again", async () => {
    const { presentBoard } = await import("@/db/queries/board-snapshot");
    const { boardFromCounts } = await import("@/lib/domain/board");
    const { listOpenCellCounts } = await import("@/db/queries/board");
    const first = presentBoard(t.db, "2026-11-25");
    expect(first.board).toEqual(boardFromCounts(listOpenCellCounts(t.db)));
    expect(presentBoard(t.db, "2026-11-25")).toBe(first); // nothing written: the same snapshot
    expect(presentBoard(t.db, "2026-11-26")).not.toBe(first); // a new day: overdue reviews are counted again
    const risk = t.sqlite
      .prepare(
        "SELECT id, version FROM risks WHERE status IN ('identified', 'controlling') AND colour = 'blue' LIMIT 1",
      )
      .get() as { id: number; version: number };
    const before = presentBoard(t.db, "2026-11-25");
    await gradeRisk(t.db, {
      riskId: risk.id,
      expectedVersion: risk.version,
      actor,
      now: new Date(),
      assessment: assessment("red"),
      reason: "升级",
      nextReviewDate: "2026-12-01",
    });
    const after = presentBoard(t.db, "2026-11-25");
    expect(after.board.totals.red).toBe(before.board.totals.red + 1);
    expect(after.board.totals.blue).toBe(before.board.totals.blue - 1);
    expect(after.alerts.awaitingAck).toBe(before.alerts.awaitingAck + 1);
    expect(after.version).toBeGreaterThan(before.version);
  });

  it("remembers a past moment's board, which no later write can change, but not the last minute's", async () => {
    const { boardAsOf, statesAsOf } = await import("@/db/history/as-of");
    const { buildBoard } = await import("@/lib/domain/board");
    const past = now.getTime() - 40 * 86_400_000;
    const board = boardAsOf(t.sqlite, past);
    expect(board).toEqual(buildBoard(statesAsOf(t.sqlite, past).values()));
    expect(boardAsOf(t.sqlite, past)).toBe(board);
    const recent = Date.now() - 1_000;
    expect(boardAsOf(t.sqlite, recent)).not.toBe(boardAsOf(t.sqlite, recent));
  });
});
