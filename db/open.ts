import { isPostgresUrl } from "./dialect";
import { openPgStore } from "./pg/store";
import { openSqliteStore } from "./sqlite/store";
import type { Db } from "./store";

export { databasePath } from "./sqlite/connection";

/**
 * A store of its own: a PostgreSQL URL (postgres://…) or a SQLite file; without one, the app's
 * (DATABASE_URL, else the file at SISE_DB_PATH). For scripts, tests and the checks that must not
 * share the app's connections (read-only where they only read). Close it when done.
 * Query code runs against the tables of this process's dialect (db/dialect.ts): open a store of the
 * other dialect only for plain SQL (the copy between stores does).
 */
export function openDb(location?: string, options: { readonly?: boolean } = {}): Db {
  const where = location ?? process.env.DATABASE_URL;
  return isPostgresUrl(where) ? openPgStore(where, options) : openSqliteStore(location, options);
}
