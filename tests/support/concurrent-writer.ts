/**
 * One competing writer for the concurrency test, run as its own process (so the writers really
 * race on the SQLite file). It follows the test's barrier in the directory BARRIER:
 *   1. writes `ready-N` once loaded, and waits for `go` (the test writes it while holding the
 *      database's write lock, after every writer is ready);
 *   2. writes `attempt-N` and tries to grade the risk from the version it was given — the attempt
 *      waits on the test's lock, which is released only once every writer has written `attempt-N`;
 *   3. prints the outcome as JSON, with the instants (ms since the epoch) it began and ended.
 *   node --conditions=react-server --import tsx tests/support/concurrent-writer.ts DB RISK_ID VERSION BARRIER N
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gradeRisk } from "@/db/mutations/grading";
import { openDb } from "@/db/open";
import { COLOURS } from "@/lib/domain/colours";
import { assess } from "@/lib/domain/grading";

// A function, not top-level await: tsx runs these files as CommonJS.
async function main() {
  const [file, riskId, version, barrier, n] = process.argv.slice(2);
  const db = openDb(file);
  const colour = COLOURS[Number(n) % COLOURS.length];
  const graded = assess({ method: "direct" }, colour, "");
  if (!graded.ok) throw new Error(graded.error);

  const pause = new Int32Array(new SharedArrayBuffer(4));
  writeFileSync(join(barrier, `ready-${n}`), "");
  const deadline = Date.now() + 120_000;
  while (!existsSync(join(barrier, "go"))) {
    if (Date.now() > deadline) throw new Error("the test never said go");
    Atomics.wait(pause, 0, 0, 2);
  }
  const began = Date.now();
  writeFileSync(join(barrier, `attempt-${n}`), "");
  const result = await gradeRisk(db, {
    riskId: Number(riskId),
    expectedVersion: Number(version),
    actor: { id: null, name: `writer-${n}` },
    now: new Date(),
    assessment: graded.assessment,
    reason: `writer ${n}`,
    nextReviewDate: "2026-12-01",
  });
  process.stdout.write(JSON.stringify({ result, began, ended: Date.now() }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
