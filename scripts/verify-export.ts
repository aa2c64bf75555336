/**
 * npm run verify-export FILE [-- --db path] [--no-db]: recomputes the hash chain over a history
 * export (CSV or XLSX) and compares it with the database (the default database unless --no-db). Prints what
 * was verified (exit 0) or the first bad row by line and sequence (exit 1).
 */
import "./store-arg"; // first: --db decides the dialect
import { createReadStream, existsSync, openSync, readSync, closeSync } from "node:fs";
import { parseArgs } from "node:util";
import { storeLocation } from "../db/location";
import { openDb } from "../db/open";
import { verifyExport, verifyXlsxExport } from "../db/exports/verify-export";
import { CLI_XLSX_LIMITS } from "../lib/files/limits";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: "string" }, "no-db": { type: "boolean" } },
});
const file = positionals[0];
if (!file || !existsSync(file)) {
  console.error("usage: npm run verify-export FILE [-- --db path | --no-db]  (the file must exist)");
  process.exit(2);
}
const dbFile = values["no-db"] ? null : storeLocation(values.db);
const db = dbFile ? openDb(dbFile, { readonly: true }) : undefined;
async function main() {
  const started = performance.now();
  const held = await db?.openSnapshot();
  const snapshot = held?.snapshot;
  // An XLSX is a zip ("PK…"); anything else is read as the CSV export.
  const fd = openSync(file, "r");
  const magic = Buffer.alloc(2);
  readSync(fd, magic, 0, 2, 0);
  closeSync(fd);
  const check =
    magic.toString("latin1") === "PK"
      ? await verifyXlsxExport(file, CLI_XLSX_LIMITS, snapshot)
      : await verifyExport(createReadStream(file, { highWaterMark: 1 << 20 }), snapshot);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  held?.close();
  await db?.close();
  if (check.ok) {
    const against =
      check.database === "matches"
        ? `; matches ${dbFile} at seq ${check.rows} (${check.newerInDatabase} events added since)`
        : "";
    const scope =
      check.scope === "full"
        ? "full export: sequence 1…N complete, every link recomputed"
        : `PARTIAL export: each row's hash and neighbouring links checked${check.database ? ", every row identical to the database's" : ""}`;
    console.log(`${check.rows} events verified (${scope}), head ${check.head}${against} (${seconds} s)`);
  } else {
    const where = check.line
      ? ` at line ${check.line}${check.seq ? ` (seq ${check.seq})` : ""}`
      : check.seq
        ? ` at seq ${check.seq}`
        : "";
    console.error(
      `export verification FAILED${where}: ${check.problem}${check.column ? ` (column ${check.column})` : ""} (after ${check.rows} rows)`,
    );
    process.exit(1);
  }
}

void main();
