import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, expect, it } from "vitest";
import { DIALECT } from "@/db/dialect";
import { verifyHistory } from "@/db/history/verify";
import { WRITE_LOCK } from "@/db/pg/locks";
import { insertRisk } from "@/db/mutations/risks";
import { firstDocumentedBreak } from "../support/chain-oracle";
import { assessment } from "../support/risk-input";
import { createTestDb, type TestDb } from "./test-db";

const run = promisify(execFile);
let t: TestDb;
let barrier: string;
beforeEach(async () => {
  t = await createTestDb();
  barrier = mkdtempSync(join(tmpdir(), "sise-barrier-"));
});
afterEach(async () => {
  await t.cleanup();
  rmSync(barrier, { recursive: true, force: true });
});

const WRITERS = 20;
async function until(what: string, done: () => boolean, ms = 90_000) {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`barrier: ${what} did not happen`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
const count = (prefix: string) => readdirSync(barrier).filter((f) => f.startsWith(prefix)).length;

/**
 * No lost updates across processes: several writers, each its own process with its own connection,
 * grade the same risk from the same version. Exactly one wins; the others are told "conflict" with
 * the new version; the history holds one grading and still verifies.
 *
 * The writers are made to overlap, not hoped to: the test holds SQLite's write lock from before any
 * writer may start until every writer has begun its attempt (tests/support/concurrent-writer.ts), so
 * all twenty are waiting on the same lock when it is released — no sleeps, no shared start instant.
 */
it("lets exactly one of 20 concurrent writers (separate processes) change a risk from the same version", async () => {
  const input = {
    title: "府谷县煤矿瓦斯超限风险",
    description: "",
    areaId: t.areaId.S04,
    regionId: t.regionId["610822"],
    responsibleUnitId: t.unitId["U-ZJJ"],
    responsiblePerson: "刘洋",
    coUnitIds: [],
    reason: "",
  };
  const { id } = await insertRisk(t.db, {
    input,
    assessment: assessment("yellow"),
    nextReviewDate: "2026-12-20",
    actor: { id: null, name: "seed" },
    now: new Date(),
    year: 2026,
  });
  const writers = Array.from({ length: WRITERS }, (_, n) =>
    run(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "tests/support/concurrent-writer.ts",
        t.file,
        String(id),
        "1",
        barrier,
        String(n),
      ],
      { timeout: 150_000 },
    ),
  );
  let released = 0;
  let locked = false;
  try {
    await until("every writer loaded", () => count("ready-") === WRITERS);
    // The test holds the store's write lock (SQLite's, or PostgreSQL's advisory write lock) while
    // the writers start their attempts.
    await t.exec(DIALECT === "pg" ? `BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK})` : "BEGIN IMMEDIATE");
    locked = true;
    writeFileSync(join(barrier, "go"), "");
    await until("every writer attempting", () => count("attempt-") === WRITERS, 4_000);
    released = Date.now();
  } finally {
    if (locked) await t.exec("COMMIT");
    if (!existsSync(join(barrier, "go"))) writeFileSync(join(barrier, "go"), "");
  }
  const outcomes = (await Promise.all(writers)).map(
    (r) => JSON.parse(r.stdout) as { result: { ok: boolean }; began: number; ended: number },
  );
  // The proof that they overlapped: every attempt began before the lock was released and ended after.
  for (const o of outcomes) {
    expect(o.began).toBeLessThanOrEqual(released);
    expect(o.ended).toBeGreaterThanOrEqual(released);
  }
  const results = outcomes.map((o) => o.result);
  expect(results.filter((r) => r.ok)).toEqual([{ ok: true, version: 2 }]);
  expect(results.filter((r) => !r.ok)).toEqual(
    Array(WRITERS - 1).fill({ ok: false, error: "conflict", currentVersion: 2 }),
  );
  const grades = await t.all("SELECT actor_name FROM risk_events WHERE risk_id = ? AND action = 'grade'", id);
  expect(grades).toHaveLength(1);
  expect(await t.get("SELECT version FROM risks WHERE id = ?", id)).toEqual({ version: 2 });
  expect((await verifyHistory(t.db)).ok).toBe(true);
  expect(await firstDocumentedBreak(t)).toBeNull();
}, 180_000);
