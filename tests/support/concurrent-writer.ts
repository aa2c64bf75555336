/**
 * One competing writer for the concurrency test, run as its own process (so the writers really
 * race on the SQLite file): waits until the shared start instant, then tries to grade the risk
 * from the version it was given, and prints the outcome as JSON.
 *   node --conditions=react-server --import tsx tests/support/concurrent-writer.ts DB RISK_ID VERSION START_MS N
 */
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "@/db/client";
import { openDatabase } from "@/db/connection";
import { gradeRisk } from "@/db/mutations/grading";
import * as schema from "@/db/schema";
import { COLOURS } from "@/lib/domain/colours";
import { assess } from "@/lib/domain/grading";

const [file, riskId, version, startMs, n] = process.argv.slice(2);
const db = drizzle(openDatabase(file), { schema }) as Db;
const colour = COLOURS[Number(n) % COLOURS.length];
const graded = assess({ method: "direct" }, colour, "");
if (!graded.ok) throw new Error(graded.error);
while (Date.now() < Number(startMs)) {
  // Spin for the last milliseconds so every writer leaves the line together.
}
const result = gradeRisk(db, {
  riskId: Number(riskId), expectedVersion: Number(version), actor: { id: null, name: `writer-${n}` }, now: new Date(),
  assessment: graded.assessment, reason: `writer ${n}`, nextReviewDate: "2026-12-01",
});
process.stdout.write(JSON.stringify(result));
