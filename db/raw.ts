import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { queryableOf } from "./pg/store";
import { cachedStatement } from "./sqlite/statements";
import { connectionOf } from "./sqlite/store";
import type { Reads } from "./store";

/**
 * Plain SQL for db/'s own modules that read in bulk (the history's replay and verification, the
 * exports, the weekly analysis): written once with drizzle's `sql` template, which each dialect
 * turns into its own placeholders, and run without building row objects. On SQLite the statement
 * is prepared once per connection; on PostgreSQL it goes to the handle's client or pool.
 * Times are numbers (epoch ms), booleans 0/1 and JSON text on both stores.
 */
const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

/** The rows, each an array of column values in the order selected. */
export async function rawRows<Row extends unknown[] = unknown[]>(h: Reads, query: SQL): Promise<Row[]> {
  if (h.dialect === "sqlite") {
    const q = sqliteDialect.sqlToQuery(query);
    return cachedStatement(connectionOf(h), q.sql)
      .raw()
      .all(...q.params) as Row[];
  }
  const q = pgDialect.sqlToQuery(query);
  return (await queryableOf(h).query({ text: q.sql, values: q.params, rowMode: "array" })).rows as Row[];
}

/** The first column of the first row, or undefined. */
export async function rawValue<T>(h: Reads, query: SQL): Promise<T | undefined> {
  return (await rawRows<[T]>(h, query))[0]?.[0];
}

/** Runs a statement that returns nothing; how many rows it changed. */
export async function rawRun(h: Reads, query: SQL): Promise<number> {
  if (h.dialect === "sqlite") {
    const q = sqliteDialect.sqlToQuery(query);
    return cachedStatement(connectionOf(h), q.sql).run(...q.params).changes;
  }
  const q = pgDialect.sqlToQuery(query);
  return (await queryableOf(h).query({ text: q.sql, values: q.params })).rowCount ?? 0;
}

/**
 * Inserts many rows in as few statements as the dialect allows (a few hundred rows each), for the
 * load generator and the copy between stores: values as the columns store them, booleans as
 * JavaScript booleans (written 0/1 on SQLite).
 */
export async function rawInsertMany(
  tx: Reads,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
): Promise<void> {
  // Below SQLite's 32,766 bound parameters and PostgreSQL's 65,535 per statement.
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  const cell = (v: unknown) => (tx.dialect === "sqlite" && typeof v === "boolean" ? Number(v) : v);
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows.slice(i, i + perStatement).map(
      (r) =>
        sql`(${sql.join(
          r.map((v) => sql`${cell(v)}`),
          sql`, `,
        )})`,
    );
    await rawRun(
      tx,
      sql`INSERT INTO ${sql.raw(table)} (${sql.raw(columns.join(", "))}) VALUES ${sql.join(values, sql`, `)}`,
    );
  }
}

/** After rows were inserted with their ids given, PostgreSQL's identity must move past them. */
export async function syncIdentity(tx: Reads, table: string, column: string): Promise<void> {
  if (tx.dialect !== "pg") return; // SQLite's AUTOINCREMENT follows the largest id by itself
  await rawRows(
    tx,
    sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), (SELECT max(${sql.raw(column)}) FROM ${sql.raw(table)}))
      WHERE EXISTS (SELECT 1 FROM ${sql.raw(table)})`,
  );
}
