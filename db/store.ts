import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type * as schema from "./schema/sqlite";

/**
 * The one interface to Sise's data (docs/architecture.md, decision 024). Every function of db/
 * takes a `Db` and answers with a promise, whichever store is behind it.
 *
 * Queries are written once with drizzle's query builder. Its type here is the SQLite builder's
 * (the default store's); the builders of both dialects take the same calls for what Sise uses
 * (select, joins, where, order, group, limit, insert, update, delete, returning, on conflict) when
 * they are awaited — never `.get()`, `.all()` or `.run()`, which only SQLite's has.
 */
type Builder = BetterSQLite3Database<typeof schema>;

export type { Dialect } from "./dialect";
import type { Dialect } from "./dialect";

/** What every handle can do: read. */
export type Reads = Pick<Builder, "select" | "selectDistinct" | "$count" | "$with" | "with"> & {
  readonly dialect: Dialect;
};

/** Inside a write transaction: read what the transaction sees, and write. */
export type Tx = Reads & Pick<Builder, "insert" | "update" | "delete">;

/** A consistent read-only view of the whole database, for reads that must agree with each other. */
export type Snapshot = Reads;

export type HeldSnapshot = { snapshot: Snapshot; close: () => void };

export interface Db extends Reads {
  /**
   * One write transaction. Writes are serialised: each takes the store's write lock at its start
   * (SQLite: BEGIN IMMEDIATE), so the version checks, the change and the history's chain head are
   * read and written under one lock. The body gets the transaction's handle and must use it (and
   * nothing else) for the reads its decision rests on. If the body throws, nothing is written.
   * A write called inside another's body joins it (commits or rolls back with the outer one).
   */
  write<T>(body: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `body` on one read-only snapshot: every read in it sees the same committed state. */
  snapshot<T>(body: (s: Snapshot) => Promise<T>): Promise<T>;
  /**
   * A snapshot held until `close()`, for a download that goes on streaming after its request
   * handler has returned. Its view is fixed when this resolves, before anything written later.
   */
  openSnapshot(): Promise<HeldSnapshot>;
  /** Where the data lives (the SQLite file): checkpoints keep their key and receipts beside it. */
  readonly location: string;
  close(): Promise<void>;
}
