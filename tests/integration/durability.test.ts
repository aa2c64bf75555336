import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase, checkDatabase, isSound, restoreDatabase } from "@/db/backup";
import { DIALECT } from "@/db/dialect";
import { openDb } from "@/db/open";
import { openDatabase } from "@/db/sqlite/connection";
import { insertRisk } from "@/db/mutations/risks";
import { assessment } from "../support/risk-input";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
let riskIds: number[];
/** Events before the writers start: the reference lists' and the 12 risks' own. */
let base: number;
beforeEach(async () => {
  t = await createTestDb();
  riskIds = [];
  for (let i = 0; i < 12; i++)
    riskIds.push(
      (
        await insertRisk(t.db, {
          input: {
            title: `榆阳区燃气管网风险 ${i}`,
            description: "",
            areaId: t.areaId.S03,
            regionId: t.regionId["610802"],
            responsibleUnitId: t.unitId["U-ZJJ"],
            responsiblePerson: "张伟",
            coUnitIds: [],
            reason: "",
          },
          assessment: assessment("yellow"),
          nextReviewDate: "2026-12-20",
          actor: { id: null, name: "seed" },
          now: new Date(),
          year: 2026,
        })
      ).id,
    );
  base = await t.value<number>("SELECT count(*) FROM risk_events");
  // The writers below are other processes: this test's connections let go of the file meanwhile.
  await t.db.close();
  t.sqlite?.close();
});
afterEach(async () => {
  try {
    await t.cleanup();
  } catch {
    /* already closed */
  }
});

type Ack = { riskId: number; version: number; seq: number };
/** Starts the sustained writer; resolves its acknowledgements once it has been killed (or has finished). */
function writer(file: string, max?: number) {
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "tests/support/crash-writer.ts",
      file,
      riskIds.join(","),
      ...(max ? [String(max)] : []),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const acks = () =>
    out
      .split("\n")
      .filter((l) => /^\d+ \d+ \d+$/.test(l))
      .map((l) => {
        const [riskId, version, seq] = l.split(" ").map(Number);
        return { riskId, version, seq };
      });
  /** Resolves once the writer has acknowledged `n` writes (it keeps writing); rejects if it stops first. */
  const acked = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (acks().length >= n) {
          clearInterval(poll);
          resolve();
        }
      }, 2);
      child.on("exit", () => {
        clearInterval(poll);
        if (acks().length < n) reject(new Error(`writer stopped after ${acks().length} writes: ${err}`));
      });
    });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, acks, acked, exited, stderr: () => err };
}

// The SQLite file's own guarantees; on PostgreSQL the database's, tested by restarting it under
// load (tests/integration/pg-faults.test.ts).
describe.skipIf(DIALECT === "pg")("crash safety", () => {
  // Killed after a set number of acknowledged writes, not after a random sleep: the writer is always
  // mid-stream (it never pauses between transactions), so the kill lands inside or between commits.
  // This proves survival of the process's death; power loss is not simulated (see decision 018).
  it("keeps every acknowledged write through SIGKILLs mid-stream, with the chain and integrity intact", async () => {
    const acknowledged: Ack[] = [];
    for (const [round, after] of [1, 17, 60, 150].entries()) {
      const w = writer(t.file);
      await w.acked(after);
      w.child.kill("SIGKILL");
      expect((await w.exited).signal).toBe("SIGKILL");
      acknowledged.push(...w.acks());
      // Reopening runs SQLite's recovery; every write a client was told about must be there.
      const sqlite = openDatabase(t.file);
      const found = sqlite
        .prepare(
          "SELECT count(*) FROM risk_events WHERE seq = ? AND risk_id = ? AND risk_version = ? AND action = 'grade'",
        )
        .pluck();
      const missing = acknowledged.filter((a) => found.get(a.seq, a.riskId, a.version) !== 1);
      const check = await checkDatabase(t.file);
      sqlite.close();
      expect(missing, `round ${round}: acknowledged writes lost`).toEqual([]);
      expect(check.integrity).toBe("ok");
      expect(check.chain.ok).toBe(true);
    }
    expect(acknowledged.length).toBeGreaterThan(20);
  }, 120_000);
});

describe.skipIf(DIALECT === "pg")("backup and restore", () => {
  it("copies a consistent database while writes continue, and restores it without losing the file it replaces", async () => {
    const w = writer(t.file, 4000);
    await w.acked(1);
    const live = openDb(t.file, { readonly: true });
    const target = join(t.file, "..", "backup.db");
    const check = await backupDatabase(live, target);
    await live.close();
    const during = w.acks().length;
    await w.exited;
    expect(isSound(check)).toBe(true);
    expect(check.integrity).toBe("ok");
    // The copy is a snapshot from the middle of the writes: more than before them, fewer than at the end.
    const events = check.chain.ok ? check.chain.count : 0;
    expect(events).toBeGreaterThan(base);
    expect(events).toBeLessThan(base + 4000);
    expect(w.acks().length).toBeGreaterThan(during);

    const { keptAs } = await restoreDatabase(target, t.file);
    expect(keptAs && existsSync(keptAs)).toBeTruthy();
    const after = await checkDatabase(t.file);
    expect(after.chain).toEqual(check.chain);
    // The replaced database is kept whole: all 4000 writes are in it.
    const kept = openDatabase(keptAs!, { readonly: true });
    expect(kept.prepare("SELECT count(*) FROM risk_events").pluck().get()).toBe(base + 4000);
    kept.close();
  }, 120_000);

  it("refuses to restore a damaged backup and leaves the database as it was", async () => {
    const live = openDb(t.file);
    const target = join(t.file, "..", "bad.db");
    await backupDatabase(live, target);
    await live.close();
    const bad = openDatabase(target);
    bad.exec("DROP TRIGGER risk_events_no_update");
    bad.prepare("UPDATE risk_events SET reason = 'forged' WHERE seq = 3").run();
    bad.close();
    const before = readFileSync(t.file);
    await expect(restoreDatabase(target, t.file)).rejects.toThrow(/does not verify/);
    expect(readFileSync(t.file).equals(before)).toBe(true);
  });
});
