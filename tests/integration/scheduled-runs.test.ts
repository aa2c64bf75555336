import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimScheduledRun } from "@/db/mutations/scheduled-runs";
import { openDb } from "@/db/open";
import type { Db } from "@/db/store";
import { createTestDb, type TestDb } from "./test-db";

/**
 * Scheduled work (signed checkpoints, the history's derived views) runs once per interval however
 * many instances share the database: each claims the run first, and only one claim succeeds.
 */
let t: TestDb;
let others: Db[];
beforeEach(async () => {
  t = await createTestDb();
  // Three more instances: stores of their own on the same database, as other processes would open.
  // (SQLite is one process by design; a second store in the same process would block its event loop
  // on the first one's write lock, so there the "instances" are concurrent callers of the one store.)
  others = t.sqlite ? [] : [openDb(t.file), openDb(t.file), openDb(t.file)];
});
afterEach(async () => {
  for (const db of others) await db.close();
  await t.cleanup();
});

const instance = (i: number) => others[i] ?? t.db;
const NOW = new Date("2026-12-01T02:00:00Z");
const claim = (db: Db, now: Date, instance: string) =>
  claimScheduledRun(db, { name: "history checkpoint", everyMs: 10 * 60_000, now, instance });

describe("scheduled work across instances", () => {
  it("is claimed by exactly one of several instances asking at once", async () => {
    const answers = await Promise.all(
      [t.db, instance(0), instance(1), instance(2)].map((db, i) => claim(db, NOW, `host:${i}`)),
    );
    expect(answers.filter(Boolean)).toHaveLength(1);
    const winner = `host:${answers.indexOf(true)}`;
    expect(await t.all("SELECT name, started_at, instance FROM scheduled_runs")).toEqual([
      { name: "history checkpoint", started_at: NOW.getTime(), instance: winner },
    ]);
  });

  it("is not run again within the interval, by anyone, and is run again after it", async () => {
    expect(await claim(t.db, NOW, "a")).toBe(true);
    expect(await claim(instance(0), new Date(NOW.getTime() + 5 * 60_000), "b")).toBe(false);
    expect(await claim(t.db, new Date(NOW.getTime() + 5 * 60_000), "a")).toBe(false);
    // Timers drift: a claim a little short of the interval (within a tenth) still takes its turn.
    expect(await claim(instance(1), new Date(NOW.getTime() + 9.5 * 60_000), "c")).toBe(true);
    expect(await t.value("SELECT instance FROM scheduled_runs")).toBe("c");
    // Other work is claimed on its own.
    expect(
      await claimScheduledRun(instance(2), { name: "history derivation", everyMs: 3_600_000, now: NOW, instance: "d" }),
    ).toBe(true);
  });
});
