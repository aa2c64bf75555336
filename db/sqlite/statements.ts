import type Database from "better-sqlite3";

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement, prepared once per connection. drizzle prepares every query anew; on the
 * write path that runs on every change (the history append) preparing costs more than executing.
 */
export function cachedStatement(client: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(client);
  if (!cache) caches.set(client, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = client.prepare(sql)));
  return stmt;
}
