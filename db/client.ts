import "server-only";
import { openDb } from "./open";
import type { Db } from "./store";

export type { Db, Reads, Snapshot, Tx } from "./store";

// One store per server process. Next's dev server reloads modules, so the handle is kept on
// globalThis to avoid leaking new connections (and their WAL readers, or pools) on every reload.
const globalForDb = globalThis as unknown as { siseDb?: Db };

/** The app's store: PostgreSQL at DATABASE_URL, or the SQLite file at SISE_DB_PATH (./data/sise.db). */
export function getDb(): Db {
  globalForDb.siseDb ??= openDb();
  return globalForDb.siseDb;
}
