import { resolve } from "node:path";
import { isPostgresUrl } from "./dialect";
import { databasePath } from "./sqlite/connection";

/**
 * Where a command-line tool works: the `--db` it was given (a PostgreSQL URL or a SQLite file),
 * else the app's own store (DATABASE_URL, else SISE_DB_PATH or ./data/sise.db).
 */
export function storeLocation(given?: string): string {
  const where = given ?? process.env.DATABASE_URL;
  return isPostgresUrl(where) ? where : resolve(given ?? databasePath());
}

/** A URL with its password hidden, for logs. */
export function shownLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  const u = new URL(location);
  if (u.password) u.password = "***";
  return u.toString();
}
