import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { resolve } from "node:path";
import pg from "pg";
import { sealHistory } from "./history/seal";
import { MIGRATE_LOCK } from "./pg/locks";
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
