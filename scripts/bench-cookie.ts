/**
 * Prints the Cookie header of a benchmark session on the store named by --db (a SQLite file or a
 * postgres:// URL): the benchmarks that compare the stores ask each store in a process of its own,
 * because a process reads tables in one dialect only (db/dialect.ts).
 */
import "./store-arg"; // first: --db decides the dialect
import { parseArgs } from "node:util";
import { applyMigrations } from "../db/migrate";
import { openDb } from "../db/open";
import { benchSessionCookie } from "./bench-session";

async function main() {
  const { values } = parseArgs({ options: { db: { type: "string" }, role: { type: "string" } } });
  const db = openDb(values.db);
  try {
    await applyMigrations(db);
    process.stdout.write(await benchSessionCookie(db, { role: values.role === "officer" ? "officer" : "auditor" }));
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
