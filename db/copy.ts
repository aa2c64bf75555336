import { is, sql } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { ChainResult } from "../lib/domain/history-chain";
import { verifyHistory } from "./history/verify";
import { rawInsertMany, rawRows, rawRun, rawValue, syncIdentity } from "./raw";
import * as pgSchema from "./schema/pg";
import * as sqliteSchema from "./schema/sqlite";
import type { Db, Reads } from "./store";

/**
 * Copies a whole Sise database from one store to another (SQLite → PostgreSQL to move a city onto
 * a server, or back): every table's rows exactly as stored — the history's text, hashes and times
 * byte for byte, so the chain verifies on the target with the same head. In one write transaction
 * on the target, with every guard trigger standing: a failure leaves the target as it was.
 *
 * Not copied: the history views' derived rows (monthly checkpoints, week boards — rebuilt by the
 * server's derivation), when scheduled work last ran, and the read API's rate windows.
 */
const DERIVED = new Set(["board_checkpoints", "board_weeks", "scheduled_runs", "api_rate_limits"]);
const BATCH = 5_000;

type TablePlan = {
  name: string;
  columns: string[];
  booleans: Set<string>;
  key: string | null;
  identity: string | null;
};

/** The tables to copy, parents before children (by their foreign keys), with their columns. */
export function copyPlan(): TablePlan[] {
  const pgTables = new Map(
    (Object.values(pgSchema) as unknown[])
      .filter((v): v is PgTable => is(v, PgTable))
      .map((t) => [pgConfig(t).name, pgConfig(t)]),
  );
  const tables = (Object.values(sqliteSchema) as unknown[])
    .filter((v): v is SQLiteTable => is(v, SQLiteTable))
    .map((t) => sqliteConfig(t))
    .filter((c) => !DERIVED.has(c.name));
  const byName = new Map(tables.map((c) => [c.name, c]));
  const ordered: TablePlan[] = [];
  const done = new Set<string>();
  const visit = (name: string, path: string[]) => {
    if (done.has(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle: ${[...path, name].join(" → ")}`);
    const c = byName.get(name)!;
    for (const fk of c.foreignKeys) {
      const parent = sqliteConfig(fk.reference().foreignTable).name;
      if (parent !== name) visit(parent, [...path, name]);
    }
    const pg = pgTables.get(name);
    if (!pg) throw new Error(`table ${name} has no PostgreSQL form`);
    const pk = c.columns.filter((col) => col.primary);
    const single = pk.length === 1 && pk[0].columnType.startsWith("SQLiteInteger") ? pk[0].name : null;
    // Generated columns (a risk's severity and matrix cell) are computed by the target itself.
    const generated = new Set(
      [...c.columns, ...pg.columns].filter((col) => col.generated !== undefined).map((col) => col.name),
    );
    ordered.push({
      name,
      columns: c.columns.map((col) => col.name).filter((n) => !generated.has(n)),
      booleans: new Set(pg.columns.filter((col) => col.columnType === "PgBoolean").map((col) => col.name)),
      key: single,
      // Tables whose id the store issues (PostgreSQL's identity must move past the copied ids).
      identity:
        pg.columns.find((col) => col.primary && (col as { generatedIdentity?: unknown }).generatedIdentity)?.name ??
        null,
    });
    done.add(name);
  };
  for (const c of tables) visit(c.name, []);
  return ordered;
}

export type CopyReport = {
  tables: Array<{ name: string; rows: number }>;
  source: Extract<ChainResult, { ok: true }>;
  target: ChainResult;
};

export class CopyRefused extends Error {}

async function count(h: Reads, table: string): Promise<number> {
  return Number(await rawValue(h, sql`SELECT count(*) FROM ${sql.raw(table)}`));
}

/** Reads a table in batches of its integer key (or whole, for the small tables keyed otherwise). */
async function* batches(h: Reads, t: TablePlan): AsyncGenerator<unknown[][]> {
  const cols = sql.raw(t.columns.join(", "));
  if (!t.key) {
    yield await rawRows(h, sql`SELECT ${cols} FROM ${sql.raw(t.name)}`);
    return;
  }
  const key = t.columns.indexOf(t.key);
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = await rawRows(
      h,
      sql`SELECT ${cols} FROM ${sql.raw(t.name)} WHERE ${sql.raw(t.key)} > ${after} ORDER BY ${sql.raw(t.key)} LIMIT ${BATCH}`,
    );
    if (rows.length === 0) return;
    yield rows;
    after = Number(rows[rows.length - 1][key]);
  }
}

export async function copyStore(
  from: Db,
  to: Db,
  { onTable }: { onTable?: (name: string, rows: number) => void } = {},
): Promise<CopyReport> {
  const plan = copyPlan();
  // The source must be a whole, unbroken history: a copy of a broken one would only move the break.
  const source = await verifyHistory(from);
  if (!source.ok) throw new CopyRefused(`the source's history does not verify (${JSON.stringify(source.broken)})`);
  const snapshot = await from.openSnapshot();
  const tables: CopyReport["tables"] = [];
  try {
    await to.write(async (tx) => {
      // Nothing on the target is overwritten: every table must be empty.
      for (const t of plan) {
        const n = await count(tx, t.name);
        if (n > 0) throw new CopyRefused(`the target is not empty: ${t.name} has ${n} rows`);
      }
      const closedMeetings: number[] = [];
      for (const t of plan) {
        let rows = 0;
        const statusAt = t.name === "meetings" ? t.columns.indexOf("status") : -1;
        for await (const batch of batches(snapshot.snapshot, t)) {
          const cells = batch.map((r) =>
            r.map((v, i) => {
              if (i === statusAt && v === "closed") {
                // A closed meeting locks its items: it is copied open and closed once they are in.
                closedMeetings.push(Number(r[t.columns.indexOf("id")]));
                return "open";
              }
              return to.dialect === "pg" && t.booleans.has(t.columns[i]) && v !== null ? Boolean(v) : v;
            }),
          );
          await rawInsertMany(tx, t.name, t.columns, cells);
          rows += batch.length;
        }
        if (t.identity) await syncIdentity(tx, t.name, t.identity);
        tables.push({ name: t.name, rows });
        onTable?.(t.name, rows);
      }
      for (let i = 0; i < closedMeetings.length; i += 500)
        await rawRun(
          tx,
          sql`UPDATE meetings SET status = 'closed' WHERE id IN (${sql.join(
            closedMeetings.slice(i, i + 500).map((id) => sql`${id}`),
            sql`, `,
          )})`,
        );
      // A verified history numbers its events 1…count without a gap: the next one is count + 1.
      if (to.dialect === "pg" && source.count > 0)
        await rawRows(tx, sql`SELECT setval(pg_get_serial_sequence('risk_events', 'seq'), ${source.count})`);
    });
  } finally {
    snapshot.close();
  }
  return { tables, source, target: await verifyHistory(to) };
}
