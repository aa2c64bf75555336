import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { resolve } from "node:path";
import { sealHistory } from "./history/seal";
import { internalsOf } from "./sqlite/store";
import type { Db } from "./store";

/**
 * Applies the committed migrations in drizzle/ (already-applied ones are skipped, so this is
 * idempotent), then links any events written before the hash chain existed into it. Run before
 * the store serves anything (prepare-db, tests): the migrator takes its own transaction on the
 * writer's connection.
 */
export async function applyMigrations(db: Db, migrationsFolder = resolve("drizzle")): Promise<void> {
  const { writer } = internalsOf(db);
  if (!writer) throw new Error(`${db.location} is open read-only`);
  migrate(drizzle(writer), { migrationsFolder });
  await sealHistory(db);
}
