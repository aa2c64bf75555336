import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { AsyncLocalStorage } from "node:async_hooks";
import * as schema from "../schema/sqlite";
import type { Db, HeldSnapshot, Reads, Snapshot, Tx } from "../store";
import { databasePath, openDatabase } from "./connection";

/**
 * The embedded store: one SQLite file, three kinds of connection.
 *  - The writer, reached only through `write()`. Writes queue on an in-process lock, so while a
 *    transaction is open nothing else uses this connection, even between the body's awaits; the
 *    transaction itself is BEGIN IMMEDIATE, so other processes (scripts, a second server) wait
 *    for SQLite's write lock instead of interleaving. The body's awaits on SQLite queries resolve
 *    at once, so a write holds the lock as briefly as a synchronous one did (decision 024).
 *  - The reader, read-only, for everything else: WAL lets it read the last committed state while
 *    a write is open, and it can never see a write half-done.
 *  - Snapshot connections, read-only, pooled: one per open snapshot, which holds its read
 *    transaction across awaits without other requests' statements joining it.
 */
// Registered symbols: Next bundles this module into more than one chunk (instrumentation, routes),
// and a store made by one copy must be recognised by the others.
const CONNECTION = Symbol.for("sise.sqlite.connection");
const STORE = Symbol.for("sise.sqlite.store");

type Drizzle = ReturnType<typeof drizzle<typeof schema>>;
type Internals = { writer: Database.Database | null; reader: Database.Database; file: string };

/** The SQLite connection behind a handle, for db/'s own SQLite-specific code (prepared statements, streaming). */
export function connectionOf(handle: Reads): Database.Database {
  const c = (handle as unknown as { [CONNECTION]?: Database.Database })[CONNECTION];
  if (!c) throw new Error("not a SQLite handle");
  return c;
}

/** The store's connections, for migrations and backups (db/migrate.ts, db/backup.ts). */
export function internalsOf(db: Db): Internals {
  return (db as unknown as { [STORE]: Internals })[STORE];
}

type Target = { d: Drizzle; connection: Database.Database };

/**
 * A read handle. `target` picks the connection for each call: fixed for a transaction or a
 * snapshot; for the store itself, the reader — or, inside a write, that write's connection, so
 * code running in a write (the mutations a seed composes) reads what the write has written.
 */
function reads(target: () => Target, live: () => boolean) {
  const on =
    <K extends "select" | "selectDistinct" | "$count" | "with">(k: K) =>
    (...a: Parameters<Drizzle[K]>): ReturnType<Drizzle[K]> => {
      if (!live()) throw new Error("this database handle has been closed or its transaction has ended");
      const { d } = target();
      return (d[k] as (...x: Parameters<Drizzle[K]>) => ReturnType<Drizzle[K]>).apply(d, a);
    };
  return {
    dialect: "sqlite" as const,
    select: on("select") as Drizzle["select"],
    selectDistinct: on("selectDistinct") as Drizzle["selectDistinct"],
    $count: on("$count") as Drizzle["$count"],
    with: on("with") as Drizzle["with"],
    // Builds a CTE's name and shape only; it runs inside whichever query uses it.
    $with: ((...a: Parameters<Drizzle["$with"]>) => target().d.$with(...a)) as unknown as Drizzle["$with"],
    get [CONNECTION]() {
      return target().connection;
    },
  };
}

export function openSqliteStore(file: string = databasePath(), options: { readonly?: boolean } = {}): Db {
  const writer = options.readonly ? null : openDatabase(file);
  const reader = openDatabase(file, { readonly: true });
  const writerDrizzle = writer ? drizzle(writer, { schema }) : null;
  const readerTarget: Target = { d: drizzle(reader, { schema }), connection: reader };
  const writerTarget: Target | null = writer && writerDrizzle ? { d: writerDrizzle, connection: writer } : null;
  const idle: Target[] = [];
  const inWrite = new AsyncLocalStorage<Tx>();
  let queue: Promise<unknown> = Promise.resolve();
  let open = true;
  const isOpen = () => open;

  /** Runs `fn` after every write queued before it; a failed write does not stop the queue. */
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  // Object.assign onto the read handle, not a spread: a spread would freeze its connection getter.
  const db: Db & { [STORE]: Internals } = Object.assign(
    reads(() => (inWrite.getStore() ? writerTarget! : readerTarget), isOpen),
    {
      location: file,
      [STORE]: { writer, reader, file },

      write<T>(body: (tx: Tx) => Promise<T>): Promise<T> {
        if (!writer || !writerDrizzle) return Promise.reject(new Error(`${file} is open read-only`));
        // A write called inside another's body (the demo seed runs the app's mutations inside one
        // transaction) joins it: it commits or rolls back with the outer one.
        const outer = inWrite.getStore();
        if (outer) return body(outer);
        return exclusive(async () => {
          if (!open) throw new Error("the database has been closed");
          let live = true;
          const d = writerDrizzle;
          const tx: Tx = Object.assign(
            reads(
              () => writerTarget!,
              () => live,
            ),
            {
              insert: ((...a: Parameters<Drizzle["insert"]>) => (live ? d.insert(...a) : ended())) as Drizzle["insert"],
              update: ((...a: Parameters<Drizzle["update"]>) => (live ? d.update(...a) : ended())) as Drizzle["update"],
              delete: ((...a: Parameters<Drizzle["delete"]>) => (live ? d.delete(...a) : ended())) as Drizzle["delete"],
            },
          );
          writer.exec("BEGIN IMMEDIATE");
          try {
            const result = await inWrite.run(tx, () => body(tx));
            writer.exec("COMMIT");
            return result;
          } catch (error) {
            if (writer.inTransaction) writer.exec("ROLLBACK");
            throw error;
          } finally {
            live = false;
          }
        });
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
        const c = idle.pop() ?? fresh();
        let live = true;
        c.connection.exec("BEGIN");
        // A deferred read transaction fixes its view at its first read: read now, so the view is
        // the state as of this call, not of whenever the caller first reads.
        c.connection.prepare("SELECT count(*) FROM sqlite_schema").get();
        return {
          snapshot: reads(
            () => c,
            () => live,
          ),
          close() {
            if (!live) return;
            live = false;
            c.connection.exec("COMMIT");
            if (open && idle.length < 4) idle.push(c);
            else c.connection.close();
          },
        };
      },

      async close() {
        if (!open) return;
        await exclusive(async () => undefined);
        open = false;
        for (const c of idle.splice(0)) c.connection.close();
        reader.close();
        writer?.close();
      },
    },
  );

  function fresh() {
    const connection = openDatabase(file, { readonly: true });
    return { connection, d: drizzle(connection, { schema }) };
  }
  return db;
}

function ended(): never {
  throw new Error("this transaction has ended");
}
