/**
 * npm run verify-history [-- --db path]: recomputes the history's hash chain and prints
 * "N events verified, head <hash>" (exit 0) or the first broken link (exit 1).
 */
import { parseArgs } from "node:util";
import { databasePath, openDatabase } from "../db/connection";
import { verifyHistorySync } from "../db/history/verify";

const { values } = parseArgs({ options: { db: { type: "string" } } });
const file = values.db ?? databasePath();
const sqlite = openDatabase(file, { readonly: true });
const started = performance.now();
const result = verifyHistorySync(sqlite);
const seconds = ((performance.now() - started) / 1000).toFixed(2);
sqlite.close();
if (result.ok) {
  console.log(`${result.count} events verified, head ${result.head} (${file}, ${seconds} s)`);
} else {
  const b = result.broken;
  const where = b.kind === "tail" ? `events after seq ${b.lastSeq} are missing (seq ${b.highest} was issued)` : `first broken link at seq ${b.seq} (${b.kind})`;
  console.error(`history verification FAILED after ${result.count} good events: ${where}`);
  process.exit(1);
}
