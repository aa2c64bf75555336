import "server-only";
import { openSqliteStore } from "./sqlite/store";
import type { Db } from "./store";

export type { Db, Reads, Snapshot, Tx } from "./store";

// One store per server process. Next's dev server reloads modules, so the handle is kept on
// globalThis to avoid leaking new connections (and their WAL readers) on every reload.
const globalForDb = globalThis as unknown as { siseDb?: Db };

/** The app's store: the SQLite file at SISE_DB_PATH (./data/sise.db by default). */
export function getDb(): Db {
  globalForDb.siseDb ??= openSqliteStore();
  return globalForDb.siseDb;
}
