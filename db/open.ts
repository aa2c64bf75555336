import { openSqliteStore } from "./sqlite/store";
import type { Db } from "./store";

export { databasePath } from "./sqlite/connection";

/**
 * A store of its own on a database file, for scripts, tests and the checks that must not share the
 * app's connections (read-only where they only read). Close it when done.
 */
export function openDb(file?: string, options: { readonly?: boolean } = {}): Db {
  return openSqliteStore(file, options);
}
