import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import pg from "pg";
import type { ChainResult } from "../../lib/domain/history-chain";

/**
 * Backups of a PostgreSQL store with PostgreSQL's own tools: `pg_dump --format=custom` (a
 * consistent snapshot taken in one transaction while the app keeps writing), checked by restoring
 * it with `pg_restore` into a scratch database beside the source and verifying the history's chain
 * there; the scratch database is dropped afterwards. The role needs CREATEDB for the check.
 * Continuous protection (a streaming standby, WAL archiving) is the database's, not Sise's:
 * docs/deployment.md.
 */
export type PgFileCheck = { integrity: string; chain: ChainResult; risks: number; bytes: number };

export function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (${code}): ${err.trim()}`))));
  });
}

/** The same server's URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dumpPostgres(url: string, target: string): Promise<void> {
  await run("pg_dump", ["--format=custom", "--no-owner", "--file", target, "--dbname", url]);
}

/** Restores a dump into a new scratch database, runs `check` on it, and drops it again. */
export async function withRestoredCopy<T>(
  url: string,
  dump: string,
  check: (copyUrl: string) => Promise<T>,
): Promise<T> {
  const name = `sise_check_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const copyUrl = withDatabase(url, name);
    try {
      await run("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", copyUrl, dump]);
      return await check(copyUrl);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

export const bytesOf = (file: string) => statSync(file).size;
