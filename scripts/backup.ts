/**
 * npm run backup [-- --db FILE] [-- --out FILE]: a consistent online copy of the database while
 * the server keeps running (db/backup.ts), checked (integrity + hash chain) before it is reported.
 * Default target: backups/sise-<UTC time>.db next to the working directory.
 */
import "./store-arg"; // first: --db decides the dialect
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { backupDatabase, isSound } from "../db/backup";
import { storeLocation } from "../db/location";
import { openDb } from "../db/open";

// A function, not top-level await: tsx runs these files as CommonJS.
async function main() {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const file = storeLocation(arg("--db"));
  // A SQLite backup is a database file; a PostgreSQL one a pg_dump archive (custom format).
  const extension = file.startsWith("postgres") ? "dump" : "db";
  const out = resolve(arg("--out") ?? `backups/sise-${new Date().toISOString().replace(/[:.]/g, "-")}.${extension}`);
  mkdirSync(dirname(out), { recursive: true });
  const source = openDb(file, { readonly: true });
  const started = performance.now();
  const check = await backupDatabase(source, out);
  await source.close();
  const summary = `${out}: ${check.risks} risks, ${check.chain.ok ? `${check.chain.count} events, head ${check.chain.head}` : "chain BROKEN"}, integrity ${check.integrity}, ${(check.bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`;
  if (!isSound(check)) {
    console.error(`[sise] backup does not verify — ${summary}`);
    process.exit(1);
  }
  console.log(`[sise] backup ${summary}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
