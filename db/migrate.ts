import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { sealHistory } from "./history/seal";
import { MIGRATE_LOCK, PREPARE_LOCK } from "./pg/locks";
import { rawValue } from "./raw";
import { internalsOf } from "./sqlite/store";
import type { Db } from "./store";

/**
 * Applies the committed migrations of the store's dialect (drizzle/sqlite or drizzle/pg; applied
 * ones are skipped, so this is idempotent), then links any events written before the hash chain
 * existed into it. Run before the store serves anything (prepare-db, tests).
 */
export async function applyMigrations(db: Db, folder?: string): Promise<void> {
  if (db.dialect === "sqlite") {
    const { writer } = internalsOf(db);
    if (!writer) throw new Error(`${db.location} is open read-only`);
    // The migrator takes its own transaction on the writer's connection.
    migrateSqlite(drizzleSqlite(writer), { migrationsFolder: folder ?? resolve("drizzle/sqlite") });
  } else {
    // Its own connection, holding a session lock: instances starting together migrate one at a time.
    const client = new pg.Client({ connectionString: db.location });
    await client.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK]);
      await migratePg(drizzlePg(client), { migrationsFolder: folder ?? resolve("drizzle/pg") });
    } finally {
      await client.end();
    }
  }
  await sealHistory(db);
}

/**
 * How many of the committed migrations the store has not had yet (drizzle applies, in order, those
 * newer than the last one recorded): 0 for a store at this version of Sise.
 */
export async function pendingMigrations(db: Db): Promise<number> {
  const journal = JSON.parse(readFileSync(resolve(`drizzle/${db.dialect}/meta/_journal.json`), "utf8")) as {
    entries: Array<{ when: number }>;
  };
  const table = db.dialect === "pg" ? "drizzle.__drizzle_migrations" : "__drizzle_migrations";
  let last = 0;
  try {
    last = Number(await rawValue(db, sql`SELECT max(created_at) FROM ${sql.raw(table)}`)) || 0;
  } catch {
    last = 0; // never migrated: no table yet
  }
  return journal.entries.filter((e) => e.when > last).length;
}

/**
 * Runs `fn` while no other process prepares the same database: on PostgreSQL under a session
 * advisory lock on a connection of its own (instances started together would otherwise both find
 * "no accounts yet" and both add the demo or the first admin); on SQLite, one process by design, as is.
 */
export async function whilePreparing<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (db.dialect === "sqlite") return fn();
  const client = new pg.Client({ connectionString: db.location });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PREPARE_LOCK]);
    return await fn();
  } finally {
    await client.end(); // ends the session, and with it the lock
  }
}
