import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb } from "@/db/open";
import { openDatabase } from "@/db/sqlite/connection";
import { sealHistory } from "@/db/history/seal";
import { verifyHistory } from "@/db/history/verify";
import { firstDocumentedBreak } from "../support/chain-oracle";
import { applyMigrations } from "@/db/migrate";
import { gradeRisk } from "@/db/mutations/grading";
import { insertRisk } from "@/db/mutations/risks";
import { demoStart, seedDemoRegister } from "@/db/seed";
import { replay } from "@/lib/domain/board";
import { assessment } from "../support/risk-input";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
const actor = { id: 7, name: "张伟 (zhangwei)" };
const now = new Date("2026-11-25T02:00:00Z");

beforeEach(async () => {
  // The lists are set up when the demo's story begins, as on a real demo database.
  t = await createTestDb({ referenceAt: demoStart(now) });
  await seedDemoRegister(t.db, { count: 40, now });
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

const count = async () => ((await t.get("SELECT count(*) AS n FROM risk_events")) as { n: number }).n;
const head = async () =>
  ((await t.get("SELECT hash FROM risk_events ORDER BY seq DESC LIMIT 1")) as { hash: string }).hash;
/** Every risk's state at `at`, by replaying every event up to it: the oracle the faster walks are held to. */
const fromScratch = async (at: number) =>
  replay(
    new Map(),
    (
      (await t.all(
        "SELECT risk_id, action, field, new_value FROM risk_events WHERE at <= ? AND risk_id IS NOT NULL ORDER BY at, seq",
        at,
      )) as Array<{ risk_id: number; action: string; field: string | null; new_value: string | null }>
    ).map((e) => ({
      riskId: e.risk_id,
      action: e.action,
      field: e.field,
      newValue: e.new_value === null ? null : JSON.parse(e.new_value),
    })),
  );
/** What an attacker with the file and a SQLite shell would do first: remove the guard triggers. */
const dropGuards = () => t.dropHistoryGuards();

describe("the history's hash chain", () => {
  it("verifies a real history: N events and the head hash", async () => {
    expect(await verifyHistory(t.db)).toEqual({ ok: true, count: await count(), head: await head() });
    // The chunked form the auditor page uses agrees, whatever the chunk size.
    expect(await verifyHistory(t.db, { chunk: 7, pause: async () => undefined })).toEqual({
      ok: true,
      count: await count(),
      head: await head(),
    });
    // …and the rows the app wrote follow the documented formula, recomputed in the test.
    expect(await firstDocumentedBreak(t)).toBeNull();
  });

  it("refuses UPDATE and DELETE through raw SQL while the triggers stand", async () => {
    await expect(t.run("UPDATE risk_events SET reason = 'x' WHERE seq = 3")).rejects.toThrow(/append-only/);
    await expect(t.run("DELETE FROM risk_events WHERE seq = 3")).rejects.toThrow(/append-only/);
    await expect(t.run("INSERT INTO risk_events (at, actor_name, action) VALUES (1, 'x', 'forged')")).rejects.toThrow(
      /prev_hash and hash/,
    );
    // Even the one allowed update (sealing) cannot touch a sealed row.
    await expect(t.run("UPDATE risk_events SET hash = 'f00' WHERE seq = 3")).rejects.toThrow(/append-only/);
  });

  it("names the altered event when a row is changed behind the triggers' back", async () => {
    await dropGuards();
    await t.run("UPDATE risk_events SET new_value = '\"blue\"' WHERE seq = 12");
    expect(await verifyHistory(t.db)).toMatchObject({ ok: false, count: 11, broken: { kind: "hash", seq: 12 } });
  });

  it("names the gap when a row in the middle is deleted", async () => {
    await dropGuards();
    await t.run("DELETE FROM risk_events WHERE seq = 20");
    expect(await verifyHistory(t.db)).toMatchObject({
      ok: false,
      count: 19,
      broken: { kind: "gap", seq: 21, expected: 20 },
    });
  });

  it("detects rows removed from the end", async () => {
    await dropGuards();
    const n = await count();
    await t.run("DELETE FROM risk_events WHERE seq = ?", n);
    expect(await verifyHistory(t.db)).toMatchObject({
      ok: false,
      broken: { kind: "tail", lastSeq: n - 1, highest: n },
    });
  });

  it("detects a forged row whose hash was recomputed but not the rows after it", async () => {
    await dropGuards();
    // Re-hashing one row is not enough: the next row's prev_hash still names the old hash.
    await t.run("UPDATE risk_events SET reason = '改', hash = 'aaaa' WHERE seq = 5");
    expect(await verifyHistory(t.db)).toMatchObject({ ok: false, broken: { seq: 5 } });
  });
});

describe("upgrading a database written before the chain existed", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "sise-upgrade-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("seals the old events in order, moves free-text measures into the list, and verifies", async () => {
    // Migrations up to 0005 only: the schema as issue #3 left it.
    const old = join(dir, "drizzle");
    cpSync("drizzle/sqlite", old, { recursive: true });
    const journal = JSON.parse(readFileSync(join(old, "meta/_journal.json"), "utf8"));
    journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 5);
    writeFileSync(join(old, "meta/_journal.json"), JSON.stringify(journal));
    const sqlite = openDatabase(join(dir, "old.db"));
    migrate(drizzle(sqlite), { migrationsFolder: old });
    // The reference lists as the seed of that time wrote them: plain rows, no events.
    sqlite.exec(
      "INSERT INTO units (code, name_zh, name_en) VALUES ('U-ZJJ', '市住房和城乡建设局', 'Housing bureau'); INSERT INTO regions (code, level, name_zh, name_en) VALUES ('610800', 'city', '榆林市', 'Yulin'); INSERT INTO areas (kind, code, name_zh, name_en) VALUES ('domain', 'S03', '城镇燃气', 'Gas');",
    );
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
    sqlite.close();
    // Now the current code base opens it: all migrations, then sealing.
    const db = openDb(join(dir, "old.db"));
    await applyMigrations(db);
    const check = openDatabase(join(dir, "old.db"), { readonly: true });
    expect(check.prepare("SELECT count(*) AS n FROM risk_events WHERE hash IS NULL").get()).toEqual({ n: 0 });
    expect(await verifyHistory(db)).toMatchObject({ ok: true, count: 3 });
    expect(check.prepare("SELECT description, owner, status FROM risk_measures").all()).toEqual([
      { description: "每日巡查", owner: "王芳", status: "in_progress" },
    ]);
    expect(await sealHistory(db)).toBe(0);
    check.close();
    await db.close();
  });
});

describe("the history replays to the current register", () => {
  it("rebuilds every risk's colour, status and place from its events, seeded and app-written alike", async () => {
    const { buildBoard, replay } = await import("@/lib/domain/board");
    const { changeStatus } = await import("@/db/mutations/grading");
    const { updateRiskDetails } = await import("@/db/mutations/risks");
    const risk = (await t.get("SELECT id, version FROM risks WHERE title = '榆阳区加油站油气回收风险'")) as {
      id: number;
      version: number;
    };
    await changeStatus(t.db, {
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
    await updateRiskDetails(t.db, { riskId: risk.id, expectedVersion: risk.version + 1, input, actor, now });
    const events = (
      (await t.all("SELECT risk_id, action, field, new_value FROM risk_events ORDER BY seq")) as Array<{
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
    const current = (await t.all(
      'SELECT id AS "riskId", area_id AS "areaId", region_id AS "regionId", colour, status FROM risks',
    )) as Array<{ riskId: number }>;
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
      expect(await statesAsOf(t.db, at)).toEqual(await fromScratch(at));
    }
    const checkpoints = ((await t.get("SELECT count(*) AS n FROM board_checkpoints")) as { n: number }).n;
    // The oldest moment walked forward and made the checkpoints up to it (about 11 months of the
    // demo's two years); the later ones, nearer the present, walked back from it.
    expect(checkpoints).toBeGreaterThan(8);
    expect(checkpoints).toBeLessThan(20);
    // A write made now does not change the past.
    const past = now.getTime() - 40 * day;
    const before = await statesAsOf(t.db, past);
    const risk = (await t.get(
      "SELECT id, version FROM risks WHERE status IN ('identified', 'controlling') LIMIT 1",
    )) as { id: number; version: number };
    await gradeRisk(t.db, {
      riskId: risk.id,
      expectedVersion: risk.version,
      actor,
      now: new Date(),
      assessment: assessment("red"),
      reason: "升级",
      nextReviewDate: "2026-12-01",
    });
    expect(await statesAsOf(t.db, past)).toEqual(before);
  });
});

describe("the board of a past moment, per division and rolled up", () => {
  it("counts what replaying the whole history gives, on either walk, for the city, a county and a fresh checkpoint", async () => {
    const { boardAsOf } = await import("@/db/history/as-of");
    const { buildBoard } = await import("@/lib/domain/board");
    const { loadTerritory } = await import("@/db/territory");
    const { homeDivision, rollUpBoard } = await import("@/lib/domain/territory");
    const territory = await loadTerritory(t.db);
    const city = homeDivision(territory, [])!;
    const county = t.regionId["610802"];
    const day = 86_400_000;
    // A year and more back walks forward from a checkpoint, three days back walks back from the present.
    for (const at of [now.getTime() - 400 * day, now.getTime() - 95 * day, now.getTime() - 3 * day]) {
      const whole = buildBoard((await fromScratch(at)).values());
      expect(await boardAsOf(t.db, at), new Date(at).toISOString()).toEqual(whole);
      for (const node of [city, county]) {
        const rolled = await boardAsOf(t.db, at, Date.now(), node);
        expect(rolled, `${node} ${new Date(at).toISOString()}`).toEqual(rollUpBoard(territory, whole, node));
        // Remembered: the same object for the same moment and division.
        expect(await boardAsOf(t.db, at, Date.now(), node)).toBe(rolled);
      }
    }
    expect(((await t.get("SELECT count(*) AS n FROM board_checkpoints")) as { n: number }).n).toBeGreaterThan(0);
  });
});

describe("the history views derived ahead of need", () => {
  it("makes every monthly checkpoint and week board the whole history replays to, in batches, once", async () => {
    const { deriveHistory } = await import("@/db/history/derive");
    const { summariseCells } = await import("@/lib/domain/trend");
    const { decodeStates, statesOf } = await import("@/db/history/packed");
    // Independent of the derivation's batches and cursor: every event up to the instant (fromScratch).
    const later = now.getTime() + 3_600_000;
    let pauses = 0;
    const made = await deriveHistory(t.db, {
      timeZone: "Asia/Shanghai",
      nowMs: later,
      pause: async () => void (pauses += 1),
    });
    const months = (await t.all("SELECT at, states FROM board_checkpoints ORDER BY at")) as Array<{
      at: number;
      states: Uint8Array;
    }>;
    const weeks = (await t.all("SELECT at, cells FROM board_weeks ORDER BY at")) as Array<{
      at: number;
      cells: string;
    }>;
    expect(made).toMatchObject({ checkpoints: months.length, weeks: weeks.length });
    // The demo register spans two years: about 24 months and 104 weeks, each derived.
    expect(months.length).toBeGreaterThan(20);
    expect(weeks.length).toBeGreaterThan(90);
    expect(pauses).toBeGreaterThanOrEqual(weeks.length);
    for (const m of months) {
      const states = statesOf(decodeStates(m.states));
      expect(states, new Date(m.at).toISOString()).toEqual(await fromScratch(m.at));
    }
    for (const w of weeks)
      expect(JSON.parse(w.cells), new Date(w.at).toISOString()).toEqual(
        JSON.parse(JSON.stringify(summariseCells((await fromScratch(w.at)).values()))),
      );
    // Every boundary a minute or more in the past, none later: a later event could still land before it.
    expect(Math.max(...weeks.map((w) => w.at), ...months.map((m) => m.at))).toBeLessThanOrEqual(later - 60_000);
    // A second run finds nothing to do.
    expect(await deriveHistory(t.db, { timeZone: "Asia/Shanghai", nowMs: later })).toEqual({
      checkpoints: 0,
      weeks: 0,
      events: 0,
    });
  });

  it("derives on a thread of its own (as the server runs it) exactly the rows it derives here", async () => {
    const { deriveHistory } = await import("@/db/history/derive");
    const { deriveInWorker } = await import("@/db/history/derive-in-worker");
    const rows = async () => [
      await t.all("SELECT at, states FROM board_checkpoints ORDER BY at"),
      await t.all("SELECT at, cells FROM board_weeks ORDER BY at"),
    ];
    const made = await deriveInWorker({ location: t.db.location, timeZone: "Asia/Shanghai" });
    const [months, weeks] = await rows();
    expect(made).toMatchObject({ checkpoints: months.length, weeks: weeks.length });
    expect(months.length).toBeGreaterThan(20);
    await t.exec("DELETE FROM board_checkpoints");
    await t.exec("DELETE FROM board_weeks");
    await deriveHistory(t.db, { timeZone: "Asia/Shanghai" });
    expect(await rows()).toEqual([months, weeks]);
    // A store it cannot open is an error the schedule logs, not a silent success.
    await expect(deriveInWorker({ location: "/nonexistent/dir/sise.db", timeZone: "Asia/Shanghai" })).rejects.toThrow();
  });

  it("goes on from the last checkpoint when only the newest rows are missing", async () => {
    const { deriveHistory } = await import("@/db/history/derive");
    const later = now.getTime() + 3_600_000;
    await deriveHistory(t.db, { timeZone: "Asia/Shanghai", nowMs: later });
    const all = await t.all("SELECT at, cells FROM board_weeks ORDER BY at");
    await t.exec("DELETE FROM board_weeks WHERE at > (SELECT max(at) FROM board_checkpoints)");
    const again = await deriveHistory(t.db, { timeZone: "Asia/Shanghai", nowMs: later });
    expect(again.checkpoints).toBe(0);
    expect(again.weeks).toBeGreaterThan(0);
    expect(again.events).toBeLessThan((await count()) / 4); // from the last month's checkpoint, not from the start
    expect(await t.all("SELECT at, cells FROM board_weeks ORDER BY at")).toEqual(all);
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
    const present = (await presentBoard(t.db, "2026-11-25")).board;
    const trend = await weeklyTrend(t.db, { weeks: 30, timeZone: "Asia/Shanghai", present, nowMs: later });
    expect(trend).toHaveLength(31);
    expect(trend.at(-1)!.day).toBe("now");
    // 2026-11-25 is a Wednesday: the last full week ended on Sunday 2026-11-22.
    expect(trend.at(-2)!.day).toBe("2026-11-22");
    for (const point of trend.slice(0, -1)) {
      const at = startOfDayInZone(addDays(point.day, 1), "Asia/Shanghai");
      expect(point.counts, point.day).toEqual(buildBoard((await statesAsOf(t.db, at, later)).values()).totals);
    }
    // The seeded history moves the counts; a flat line would test nothing.
    expect(new Set(trend.map((p) => JSON.stringify(p.counts))).size).toBeGreaterThan(3);
    const stored = async () => ((await t.get("SELECT count(*) AS n FROM board_weeks")) as { n: number }).n;
    expect(await stored()).toBe(30);
    // A second call reads the stored weeks and answers the same.
    expect(await weeklyTrend(t.db, { weeks: 30, timeZone: "Asia/Shanghai", present, nowMs: later })).toEqual(trend);
    // One region: its counts are that region's cells only, and never more than the city's.
    const region = t.regionId["610802"];
    const regional = await weeklyTrend(t.db, {
      weeks: 30,
      filter: { regionId: region },
      timeZone: "Asia/Shanghai",
      present,
      nowMs: later,
    });
    for (const [i, point] of regional.slice(0, -1).entries()) {
      const at = startOfDayInZone(addDays(point.day, 1), "Asia/Shanghai");
      expect(point.counts).toEqual(
        buildBoard((await statesAsOf(t.db, at, later)).values()).byRegion.get(region) ?? {
          red: 0,
          orange: 0,
          yellow: 0,
          blue: 0,
        },
      );
      expect(point.counts.blue).toBeLessThanOrEqual(trend[i].counts.blue);
    }
    // The present point is the live board (the red graded in beforeEach is in it), counted here in
    // plain SQL rather than with the board's own query and aggregation.
    const count = async (where: string, ...p: unknown[]) => {
      const out: Record<string, unknown> = {};
      for (const c of ["red", "orange", "yellow", "blue"])
        out[c] = await t.value(
          `SELECT count(*) FROM risks WHERE status IN ('identified', 'controlling') AND colour = ? ${where}`,
          c,
          ...p,
        );
      return out;
    };
    expect(trend.at(-1)!.counts).toEqual(await count(""));
    expect(regional.at(-1)!.counts).toEqual(await count("AND region_id = ?", region));
    expect(regional.at(-1)!.counts.red).toBeGreaterThanOrEqual(1);
  });
});

describe("remembered boards", () => {
  it("keeps the present board until the history moves, then counts again", async () => {
    const { presentBoard } = await import("@/db/queries/board-snapshot");
    const { boardFromCounts } = await import("@/lib/domain/board");
    const { listOpenCellCounts } = await import("@/db/queries/board");
    // Viewers arriving together share one count rather than each starting their own.
    const [first, together] = await Promise.all([presentBoard(t.db, "2026-11-25"), presentBoard(t.db, "2026-11-25")]);
    expect(together).toBe(first);
    expect(first.board).toEqual(boardFromCounts(await listOpenCellCounts(t.db)));
    expect(await presentBoard(t.db, "2026-11-25")).toBe(first); // nothing written: the same snapshot
    expect(await presentBoard(t.db, "2026-11-26")).not.toBe(first); // a new day: overdue reviews are counted again
    const risk = (await t.get(
      "SELECT id, version FROM risks WHERE status IN ('identified', 'controlling') AND colour = 'blue' LIMIT 1",
    )) as { id: number; version: number };
    const before = await presentBoard(t.db, "2026-11-25");
    await gradeRisk(t.db, {
      riskId: risk.id,
      expectedVersion: risk.version,
      actor,
      now: new Date(),
      assessment: assessment("red"),
      reason: "升级",
      nextReviewDate: "2026-12-01",
    });
    const after = await presentBoard(t.db, "2026-11-25");
    expect(after.board.totals.red).toBe(before.board.totals.red + 1);
    expect(after.board.totals.blue).toBe(before.board.totals.blue - 1);
    expect(after.alerts.awaitingAck).toBe(before.alerts.awaitingAck + 1);
    expect(after.version).toBeGreaterThan(before.version);
  });

  it("remembers a past moment's board, which no later write can change, but not the last minute's", async () => {
    const { boardAsOf, statesAsOf } = await import("@/db/history/as-of");
    const { buildBoard } = await import("@/lib/domain/board");
    const past = now.getTime() - 40 * 86_400_000;
    const board = await boardAsOf(t.db, past);
    expect(board).toEqual(buildBoard((await statesAsOf(t.db, past)).values()));
    expect(await boardAsOf(t.db, past)).toBe(board);
    const recent = Date.now() - 1_000;
    expect(await boardAsOf(t.db, recent)).not.toBe(await boardAsOf(t.db, recent));
  });
});
