/**
 * npm run db:copy -- --from ./data/sise.db --to postgres://user@host/db
 * Moves a Sise database to another store (SQLite → PostgreSQL, or back): migrates the target,
 * copies every table exactly (db/copy.ts) in one transaction, then verifies the target's history
 * and compares its head with the source's. The target must be empty; the source is only read and
 * must be at this version of Sise (npm run db:migrate on it first) with a history that verifies.
 */
import { parseArgs } from "node:util";
import { copyStore, CopyRefused } from "../db/copy";
import { analyzeStore } from "../db/maintenance";
import { applyMigrations, pendingMigrations } from "../db/migrate";
import { openDb } from "../db/open";
import { shownLocation } from "../db/location";

async function main() {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
  if (!values.from || !values.to) {
    console.error("usage: npm run db:copy -- --from <SQLite file | postgres://…> --to <postgres://… | SQLite file>");
    process.exit(2);
  }
  const from = openDb(values.from, { readonly: true });
  const to = openDb(values.to);
  try {
    const pending = await pendingMigrations(from);
    if (pending > 0)
      throw new CopyRefused(
        `the source lacks ${pending} of this version's migrations: run "npm run db:migrate" with it first`,
      );
    await applyMigrations(to);
    console.log(`[sise] copying ${shownLocation(values.from)} → ${shownLocation(values.to)}`);
    const started = performance.now();
    const report = await copyStore(from, to, {
      onTable: (name, rows) => console.log(`  ${name.padEnd(22)} ${String(rows).padStart(9)} rows`),
    });
    const same =
      report.target.ok && report.target.head === report.source.head && report.target.count === report.source.count;
    console.log(
      `[sise] history: source ${report.source.count} events, head ${report.source.head}; target ${
        report.target.ok
          ? `${report.target.count} events, head ${report.target.head}`
          : `BROKEN ${JSON.stringify(report.target.broken)}`
      } — ${same ? "the same" : "DIFFERENT"} (${Math.round(performance.now() - started)} ms)`,
    );
    if (!same) process.exitCode = 1;
    else {
      // Fresh planner statistics for the copied tables: without them PostgreSQL planned a town's
      // register filter at 460 ms instead of 6 ms on a freshly copied province (docs/benchmarks.md).
      await analyzeStore(to);
      console.log(
        "[sise] done. The history checkpoints' key and receipts stay where they were: point SISE_DATA_DIR at that folder (or copy its keys/ and receipts/) for the servers on the new store.",
      );
    }
  } finally {
    await from.close();
    await to.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof CopyRefused ? `[sise] copy refused: ${error.message}` : error);
  process.exit(1);
});
