import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { resolve } from "node:path";
import { sealHistory } from "./history/seal";

/**
 * Applies the committed migrations in drizzle/ (already-applied ones are skipped, so this is
 * idempotent), then links any events written before the hash chain existed into it.
 */
export function applyMigrations(sqlite: Database.Database, migrationsFolder = resolve("drizzle")): void {
  migrate(drizzle(sqlite), { migrationsFolder });
  sealHistory(sqlite);
}
