import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import type { ChainResult } from "../lib/domain/history-chain";
import { verifyHistory } from "./history/verify";
import { openDb } from "./open";
import { openDatabase } from "./sqlite/connection";
import { connectionOf } from "./sqlite/store";
import type { Db } from "./store";
import { sql } from "drizzle-orm";
import { bytesOf, dumpPostgres, withRestoredCopy } from "./pg/backup";
import { rawValue } from "./raw";

export type FileCheck = { integrity: string; chain: ChainResult; risks: number; bytes: number };

/** What makes a copy trustworthy: SQLite's own integrity check and the history's hash chain, end to end. */
export async function checkDatabase(file: string): Promise<FileCheck> {
  const db = openDb(file, { readonly: true });
  try {
    const sqlite = connectionOf(db);
    const integrity = (sqlite.pragma("integrity_check") as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .join("; ");
    const risks = (sqlite.prepare("SELECT count(*) AS n FROM risks").get() as { n: number }).n;
    return { integrity, chain: await verifyHistory(db), risks, bytes: statSync(file).size };
  } finally {
    await db.close();
  }
}

export const isSound = (c: FileCheck) => c.integrity === "ok" && c.chain.ok;

/** A PostgreSQL dump restored into a scratch database on the same server: its chain and its risks. */
export function checkPgDump(url: string, dump: string): Promise<FileCheck> {
  return withRestoredCopy(url, dump, async (copyUrl) => {
    const copy = openDb(copyUrl, { readonly: true });
    try {
      const risks = (await rawValue<number>(copy, sql`SELECT count(*) FROM risks`)) ?? 0;
      return { integrity: "ok", chain: await verifyHistory(copy), risks, bytes: bytesOf(dump) };
    } finally {
      await copy.close();
    }
  });
}

/**
 * An online backup while the app keeps writing, then checked.
 * - SQLite: `VACUUM INTO` copies the database as one read transaction sees it — a consistent
 *   snapshot that never blocks writers (WAL) and, unlike the page-by-page backup API, never
 *   restarts when they write; the copy is a database file.
 * - PostgreSQL: `pg_dump --format=custom` (db/pg/backup.ts); the dump is restored into a scratch
 *   database to be checked, which is dropped afterwards.
 */
export async function backupDatabase(db: Db, target: string): Promise<FileCheck> {
  if (existsSync(target)) throw new Error(`refusing to overwrite ${target}`);
  if (db.dialect === "pg") {
    await dumpPostgres(db.location, target);
    return checkPgDump(db.location, target);
  }
  // One statement, its own read transaction (VACUUM cannot run inside another), on the store's reader.
  connectionOf(db).prepare("VACUUM INTO ?").run(target);
  return checkDatabase(target);
}

/**
 * Puts a checked backup in place of the database file (the server must be stopped). The file it
 * replaces is kept beside it (`*.before-restore-<time>`), so a restore never destroys data.
 */
export async function restoreDatabase(
  backup: string,
  target: string,
  now = new Date(),
): Promise<{ check: FileCheck; keptAs: string | null }> {
  const check = await checkDatabase(backup);
  if (!isSound(check))
    throw new Error(
      `the backup ${backup} does not verify: integrity ${check.integrity}, chain ${check.chain.ok ? "ok" : "broken"}`,
    );
  const staging = `${target}.restoring`;
  rmSync(staging, { force: true });
  // Copy through SQLite, not the file system: the result is a clean single file with no stale WAL.
  const from = openDatabase(backup, { readonly: true });
  try {
    from.prepare("VACUUM INTO ?").run(staging);
  } finally {
    from.close();
  }
  let keptAs: string | null = null;
  if (existsSync(target)) {
    // Fold the old file's WAL into it first, so the kept copy is complete on its own.
    const old = openDatabase(target);
    old.pragma("wal_checkpoint(TRUNCATE)");
    old.close();
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, keptAs);
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(target + suffix, { force: true });
  renameSync(staging, target);
  return { check, keptAs };
}
