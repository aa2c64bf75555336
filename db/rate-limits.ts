import "server-only";
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";
import { queryableOf } from "./pg/store";
import type { Db } from "./store";

const limiters = new WeakMap<Db, Map<string, RateLimiterAbstract>>();

/**
 * A rate limiter whose counts every instance of the store shares: on PostgreSQL the windows live in
 * the api_rate_limits table (rate-limiter-flexible's RateLimiterPostgres, one upsert per request:
 * atomic on its own, outside the history's write lock); on SQLite — one process by design — in this
 * process's memory. One limiter per store and name.
 */
export function sharedRateLimiter(db: Db, name: string, p: { points: number; duration: number }): RateLimiterAbstract {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  let limiter = byName.get(name);
  if (!limiter) {
    limiter =
      db.dialect === "pg"
        ? new RateLimiterPostgres({
            storeClient: queryableOf(db),
            storeType: "pool",
            tableName: "api_rate_limits",
            tableCreated: true, // by the migrations: the app runs no DDL
            keyPrefix: name,
            ...p,
          })
        : new RateLimiterMemory({ keyPrefix: name, ...p });
    byName.set(name, limiter);
  }
  return limiter;
}
