import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import * as schema from "../schema/pg";
import type * as sqliteSchema from "../schema/sqlite";
import type { Db, HeldSnapshot, Reads, Snapshot, Tx } from "../store";
import { isConnectionError, markStoreDown, markStoreUp, watchStore } from "../health";
import { WRITE_LOCK } from "./locks";

/**
 * The PostgreSQL store (decision 025): one pool per process, for several app instances on one
 * database.
 *  - A write is one transaction that first takes a single transaction-level advisory lock
 *    (WRITE_LOCK), so writes are serialised across every instance exactly as SQLite serialises
 *    them: the version checks, the change and the history's chain head are read and written with no
 *    other write in between. READ COMMITTED is enough once the lock is held, since each statement
 *    then sees every write committed before it. In each instance writes also wait on a queue, so
 *    waiting writes hold no pool connections that reads need.
 *  - Reads go to the pool; inside a write, to the write's client (reads see what it has written).
 *  - A snapshot is a REPEATABLE READ, READ ONLY transaction on a client of its own.
 * Handles are typed as the SQLite builder (db/store.ts); the calls query code makes are the same.
 */
const QUERYABLE = Symbol.for("sise.pg.queryable");

type Drizzle = NodePgDatabase<typeof schema>;
type AsSqlite = import("drizzle-orm/better-sqlite3").BetterSQLite3Database<typeof sqliteSchema>;
export type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;

/** The pool or client behind a PostgreSQL handle, for db/'s own plain SQL (db/raw.ts). */
export function queryableOf(handle: Reads): Queryable {
  const q = (handle as unknown as { [QUERYABLE]?: Queryable })[QUERYABLE];
  if (!q) throw new Error("not a PostgreSQL handle");
  return q;
}

/** int8 (counts, epoch milliseconds) as numbers: every one Sise stores is below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

type Target = { d: Drizzle; q: Queryable };

function reads(target: () => Target, live: () => boolean) {
  const on =
    <K extends "select" | "selectDistinct" | "$count" | "with">(k: K) =>
    (...a: unknown[]) => {
      if (!live()) throw new Error("this database handle has been closed or its transaction has ended");
      const { d } = target();
      return (d[k] as (...x: unknown[]) => unknown).apply(d, a);
    };
  return {
    dialect: "pg" as const,
    select: on("select") as unknown as AsSqlite["select"],
    selectDistinct: on("selectDistinct") as unknown as AsSqlite["selectDistinct"],
    $count: on("$count") as unknown as AsSqlite["$count"],
    with: on("with") as unknown as AsSqlite["with"],
    $with: ((...a: unknown[]) =>
      (target().d.$with as (...x: unknown[]) => unknown)(...a)) as unknown as AsSqlite["$with"],
    get [QUERYABLE]() {
      return target().q;
    },
  };
}

export function openPgStore(url: string, options: { readonly?: boolean; max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? Number(process.env.SISE_PG_POOL ?? 10),
    types,
    // A connection the server dropped (a restart, a failover) is replaced, not fatal.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client's connection breaking would otherwise be an unhandled error event.
  pool.on("error", (e) => {
    if (isConnectionError(e)) markStoreDown(e);
  });
  // Reads go straight to the pool: a failed connection there marks the store down too, and the
  // health probe (db/health.ts) marks it up again once a query answers.
  const poolQuery = pool.query.bind(pool) as (...a: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: (...a: unknown[]) => Promise<unknown> }).query = (...a: unknown[]) =>
    poolQuery(...a).catch((e: unknown) => {
      if (isConnectionError(e)) markStoreDown(e);
      throw e;
    });
  watchStore(async () => void (await pool.query("SELECT 1")));
  const poolTarget: Target = { d: drizzle(pool, { schema }), q: pool };
  const inWrite = new AsyncLocalStorage<{ tx: Tx; target: Target }>();
  let queue: Promise<unknown> = Promise.resolve();
  let open = true;
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  /** Runs `fn` on a client of its own; a broken connection is destroyed rather than pooled again. */
  const withClient = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      if (isConnectionError(e)) markStoreDown(e);
      throw e;
    }
    let broken: Error | undefined;
    try {
      const result = await fn(client);
      markStoreUp();
      return result;
    } catch (e) {
      if (isConnectionError(e)) {
        broken = e as Error;
        markStoreDown(e);
      }
      throw e;
    } finally {
      client.release(broken);
    }
  };

  const db: Db = Object.assign(
    reads(
      () => inWrite.getStore()?.target ?? poolTarget,
      () => open,
    ),
    {
      location: url,

      write<T>(body: (tx: Tx) => Promise<T>): Promise<T> {
        if (options.readonly) return Promise.reject(new Error("this store is open read-only"));
        const outer = inWrite.getStore();
        if (outer) return body(outer.tx);
        return exclusive(() =>
          withClient(async (client) => {
            let live = true;
            const target: Target = { d: drizzle(client, { schema }), q: client };
            const d = target.d;
            const tx: Tx = Object.assign(
              reads(
                () => target,
                () => live,
              ),
              {
                insert: ((...a: unknown[]) =>
                  live ? (d.insert as (...x: unknown[]) => unknown)(...a) : ended()) as unknown as AsSqlite["insert"],
                update: ((...a: unknown[]) =>
                  live ? (d.update as (...x: unknown[]) => unknown)(...a) : ended()) as unknown as AsSqlite["update"],
                delete: ((...a: unknown[]) =>
                  live ? (d.delete as (...x: unknown[]) => unknown)(...a) : ended()) as unknown as AsSqlite["delete"],
              },
            );
            await client.query("BEGIN");
            try {
              await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
              const result = await inWrite.run({ tx, target }, () => body(tx));
              await client.query("COMMIT");
              return result;
            } catch (error) {
              await client.query("ROLLBACK").catch(() => undefined);
              throw error;
            } finally {
              live = false;
            }
          }),
        );
      },

      async snapshot<T>(body: (s: Snapshot) => Promise<T>): Promise<T> {
        const held = await db.openSnapshot();
        try {
          return await body(held.snapshot);
        } finally {
          held.close();
        }
      },

      async openSnapshot(): Promise<HeldSnapshot> {
        if (!open) throw new Error("the database has been closed");
        const client = await pool.connect().catch((e: unknown) => {
          if (isConnectionError(e)) markStoreDown(e);
          throw e;
        });
        let live = true;
        try {
          // The view is fixed by the first statement of a REPEATABLE READ transaction: take it now.
          await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
          await client.query("SELECT 1");
        } catch (e) {
          client.release(e as Error);
          throw e;
        }
        const target: Target = { d: drizzle(client, { schema }), q: client };
        return {
          snapshot: reads(
            () => target,
            () => live,
          ),
          close() {
            if (!live) return;
            live = false;
            client.query("COMMIT").then(
              () => client.release(),
              (e: Error) => client.release(e),
            );
          },
        };
      },

      async close() {
        if (!open) return;
        await exclusive(async () => undefined);
        open = false;
        await pool.end();
      },
    },
  );
  return db;
}

function ended(): never {
  throw new Error("this transaction has ended");
}
