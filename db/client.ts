import "server-only";
import type Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { openDatabase } from "./connection";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// One connection per server process. Next's dev server reloads modules, so the handle is kept
// on globalThis to avoid leaking a new connection (and its WAL readers) on every reload.
const globalForDb = globalThis as unknown as { siseDb?: Db };

export function getDb(): Db {
  if (!globalForDb.siseDb) {
    globalForDb.siseDb = drizzle(openDatabase(), { schema }) as Db;
  }
  return globalForDb.siseDb;
}
