import Database from "better-sqlite3";
import { isPostgresUrl } from "../../db/dialect";
import { pgRawClient } from "../support/pg-raw";

/**
 * A spec's own read of the store its server writes (a SQLite file or a postgres:// URL), in plain
 * SQL with `?` parameters on both — to pick a risk to act on, or to check what was written,
 * beside the app's code rather than through it.
 */
export async function storeRows<T = Record<string, unknown>>(
  db: string,
  query: string,
  ...args: unknown[]
): Promise<T[]> {
  if (isPostgresUrl(db)) {
    const c = await pgRawClient(db);
    try {
      return await c.all<T>(query, ...args);
    } finally {
      await c.close();
    }
  }
  const file = new Database(db, { readonly: true });
  try {
    return file.prepare(query).all(...args) as T[];
  } finally {
    file.close();
  }
}

/** The first column of the first row, or undefined. */
export async function storeValue<T = unknown>(db: string, query: string, ...args: unknown[]): Promise<T | undefined> {
  const [row] = await storeRows<Record<string, unknown>>(db, query, ...args);
  return row ? (Object.values(row)[0] as T) : undefined;
}
