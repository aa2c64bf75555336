/**
 * A sustained writer for the crash and backup tests, run as its own process so it can be killed
 * with SIGKILL mid-write: grades the given risks round-robin through the app's own write path
 * (db/mutations, one write transaction with its history event) and, only after each commit has
 * returned, prints "riskId version seq" — the acknowledgement a client would have received.
 *   node --conditions=react-server --import tsx tests/support/crash-writer.ts DB RISK_IDS(comma) [MAX]
 */
import { writeSync } from "node:fs";
import { gradeRisk } from "@/db/mutations/grading";
import { openDb } from "@/db/open";
import { openDatabase } from "@/db/sqlite/connection";
import { COLOURS } from "@/lib/domain/colours";
import { assess } from "@/lib/domain/grading";

// A function, not top-level await: tsx runs these files as CommonJS.
async function main() {
  const [file, ids, max] = process.argv.slice(2);
  const db = openDb(file);
  // The writer's own connection to read what it needs and what it committed, beside the app's code.
  const sqlite = openDatabase(file, { readonly: true });
  const riskIds = ids.split(",").map(Number);
  const version = sqlite.prepare("SELECT version FROM risks WHERE id = ?").pluck();
  for (let i = 0; i < Number(max ?? Infinity); i++) {
    const riskId = riskIds[i % riskIds.length];
    const graded = assess({ method: "direct" }, COLOURS[i % COLOURS.length], "");
    if (!graded.ok) throw new Error(graded.error);
    const r = await gradeRisk(db, {
      riskId,
      expectedVersion: version.get(riskId) as number,
      actor: { id: null, name: `crash-writer` },
      now: new Date(),
      assessment: graded.assessment,
      reason: `write ${i}`,
      nextReviewDate: "2026-12-01",
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const seq = sqlite.prepare("SELECT max(seq) FROM risk_events").pluck().get();
    // Synchronous write to the pipe: once the parent can read it, the commit had returned.
    writeSync(1, `${riskId} ${r.version} ${seq}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
