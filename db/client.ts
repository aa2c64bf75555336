import "server-only";
import type Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { openDatabase } from "./connection";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// One connection per server process. Next's dev server reloads modules, so the handle is kept
// on globalThis to avoid leaking a new connection (and its WAL readers) on every reload.
const globalForDb = globalThis as unknown as { siseDb?: Db };

/** A connection of its own to a database file (read-only for checks that must not hold the app's). */
export function openDb(file: string, options: { readonly?: boolean } = {}): Db {
  return drizzle(openDatabase(file, options), { schema }) as Db;
}

/** The file a connection has open: checkpoints keep their key and receipts beside it. */
export const databaseFile = (db: Db): string => db.$client.name;
export const closeDb = (db: Db) => db.$client.close();

export function getDb(): Db {
  if (!globalForDb.siseDb) {
    globalForDb.siseDb = drizzle(openDatabase(), { schema }) as Db;
  }
  return globalForDb.siseDb;
}
