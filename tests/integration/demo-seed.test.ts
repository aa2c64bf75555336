import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyHistory } from "@/db/history/verify";
import { demoStart, seedDemo } from "@/db/seed";
import { firstDocumentedBreak } from "../support/chain-oracle";
import { createTestDb, type TestDb } from "./test-db";

/**
 * The demo is the first thing a newcomer audits: its history must read like a real one — in time
 * order, every event in the shape the app writes, and a chain that verifies.
 */
const NOW = new Date("2026-11-25T02:00:00Z");
let t: TestDb;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  t = await createTestDb({ referenceAt: demoStart(NOW) });
  seeded = await seedDemo(t.db, { now: NOW });
}, 60_000); // the whole demo city: thousands of writes, each a round trip on PostgreSQL
afterAll(() => t.cleanup());

type Row = { seq: number; at: number; action: string; actor_id: number | null; new_value: string | null };

describe("the demo city", () => {
  it("is written once, whole, and only into a database without accounts", async () => {
    expect(seeded).toMatchObject({ risks: 360, meetings: 2 });
    expect(seeded!.reports).toBeGreaterThan(600);
    expect(await seedDemo(t.db, { now: NOW })).toBeNull();
  });

  it("has its history in time order: each event no earlier than the one before it, none after now", async () => {
    const rows = (await t.all("SELECT seq, at FROM risk_events ORDER BY seq")) as Row[];
    expect(rows.length).toBeGreaterThan(3000);
    const backwards = rows.filter((r, i) => i > 0 && r.at < rows[i - 1].at);
    expect(backwards).toEqual([]);
    expect(rows.at(-1)!.at).toBeLessThanOrEqual(NOW.getTime());
  });

  it("verifies as one chain, by the app and by the documented formula recomputed here", async () => {
    expect(await verifyHistory(t.db)).toMatchObject({ ok: true });
    // docs: hash = SHA-256(prev_hash ‖ JSON of the columns, keys in alphabetical order), genesis 64 zeros.
    expect(await firstDocumentedBreak(t)).toBeNull();
  });

  it("writes events in the app's shapes: accounts with their access, reports and acknowledgements by people", async () => {
    const users = (await t.all("SELECT new_value FROM risk_events WHERE action = 'user.create'")) as Row[];
    for (const u of users)
      expect(Object.keys(JSON.parse(u.new_value!)).sort()).toEqual([
        "areaIds",
        "displayName",
        "regionIds",
        "roles",
        "unitIds",
        "username",
      ]);
    const officer = users.map((u) => JSON.parse(u.new_value!)).find((u) => u.username === "officer");
    expect(officer.regionIds).toHaveLength(2);
    expect(officer.unitIds).toHaveLength(2);
    const byNobody = await t.all(
      "SELECT action, count(*) AS n FROM risk_events WHERE actor_id IS NULL AND action IN ('report.file', 'acknowledge', 'meeting.close', 'task.done') GROUP BY action",
    );
    expect(byNobody).toEqual([]);
    // Every daily report row points at its own event.
    expect(
      await t.get(
        "SELECT count(*) AS n FROM daily_reports d LEFT JOIN risk_events e ON e.seq = d.event_seq WHERE e.action IS DISTINCT FROM 'report.file'",
      ),
    ).toEqual({ n: 0 });
  });

  it("leaves each risk as its history says: the last event's version is the risk's version", async () => {
    const mismatched = await t.all(
      "SELECT r.code FROM risks r WHERE r.version != (SELECT max(risk_version) FROM risk_events e WHERE e.risk_id = r.id AND e.risk_version IS NOT NULL)",
    );
    expect(mismatched).toEqual([]);
  });
});
