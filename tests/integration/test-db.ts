import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIALECT } from "@/db/dialect";
import { applyMigrations } from "@/db/migrate";
import { openDb } from "@/db/open";
import { seedReference } from "@/db/seed";
import { openDatabase } from "@/db/sqlite/connection";
import type { Db } from "@/db/store";
import { createPgDatabase, pgRawClient } from "../support/pg-test-db";

/**
 * A real database, built from the committed migrations and seeded with the reference lists — the
 * same path production takes — opened as the app opens it (`db`): a SQLite file in a fresh temp
 * directory, or, when the tests run on PostgreSQL (DATABASE_URL=postgres://…), a fresh database
 * copied from a migrated template. The test's own connection (`get`, `all`, `run`, `value`,
 * `exec`; `?` parameters on both) sets up cases and checks rows with plain SQL, beside the app's
 * code rather than through it. `cleanup` closes both and removes it.
 */
export async function createTestDb({ referenceAt = new Date() }: { referenceAt?: Date } = {}) {
  if (DIALECT === "pg") {
    // A PostgreSQL store keeps its checkpoint key and receipts in SISE_DATA_DIR: each test gets a
    // folder of its own there, as each SQLite test has one beside its file.
    const dir = mkdtempSync(join(tmpdir(), "sise-test-"));
    process.env.SISE_DATA_DIR = dir;
    const { url, drop } = await createPgDatabase(process.env.DATABASE_URL!);
    const db = openDb(url);
    await seedReference(db, referenceAt);
    return withRawPg(db, url, async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });
  }
  const dir = mkdtempSync(join(tmpdir(), "sise-test-"));
  const file = join(dir, "sise.db");
  const db = openDb(file);
  await applyMigrations(db);
  await seedReference(db, referenceAt);
  return withRaw(db, file, () => rmSync(dir, { recursive: true, force: true }));
}

/** What both stores' helpers offer; `sqlite` only where the store is SQLite. */
type Helpers = {
  /** The database file (SQLite) or URL (PostgreSQL). */
  file: string;
  db: Db;
  snap: () => Promise<import("@/db/store").Snapshot>;
  get: <T = Record<string, unknown>>(sql: string, ...args: unknown[]) => Promise<T | undefined>;
  all: <T = Record<string, unknown>>(sql: string, ...args: unknown[]) => Promise<T[]>;
  run: (sql: string, ...args: unknown[]) => Promise<{ changes: number }>;
  value: <T = unknown>(sql: string, ...args: unknown[]) => Promise<T>;
  exec: (sql: string) => Promise<void>;
  areaId: Record<string, number>;
  regionId: Record<string, number>;
  unitId: Record<string, number>;
  cleanup: () => Promise<void>;
};

/**
 * What an attacker with the database and a shell would do, in each store's words: the tests of the
 * chain's verification and of the checkpoints' receipts tamper through these.
 */
function tampering(how: {
  drop: () => Promise<void>;
  without: (change: () => Promise<void>) => Promise<void>;
  setHighestSeq: (seq: number) => Promise<void>;
}) {
  return {
    /** Removes the guards against UPDATE and DELETE on the history, for good. */
    dropHistoryGuards: how.drop,
    /** Runs `change` with every trigger on the history out of the way, then puts them back. */
    withoutHistoryTriggers: how.without,
    /** Sets the history's sequence, as if the highest rows had never been issued. */
    setHighestSeq: how.setHighestSeq,
  };
}

async function idsOf(all: Helpers["all"]) {
  const ids = async (table: string) =>
    Object.fromEntries(
      (await all<{ code: string; id: number }>(`SELECT code, id FROM ${table}`)).map((r) => [r.code, r.id]),
    );
  return { areaId: await ids("areas"), regionId: await ids("regions"), unitId: await ids("units") };
}

function snapshots(db: Db) {
  const held: Array<() => void> = [];
  return {
    /** A read-only snapshot of the store (closed at cleanup), for what reads one: exports, checks. */
    async snap() {
      const h = await db.openSnapshot();
      held.push(h.close);
      return h.snapshot;
    },
    closeAll: () => held.splice(0).forEach((close) => close()),
  };
}

/** The raw helpers over a SQLite store's file (also for copies of a template: tests/support/accounts.ts). */
export function withRaw(db: Db, file: string, remove: () => void) {
  const sqlite = openDatabase(file);
  const { snap, closeAll } = snapshots(db);
  const all = async <T>(sql: string, ...args: unknown[]) => sqlite.prepare(sql).all(...args) as T[];
  const ids = (table: string) =>
    Object.fromEntries(
      (sqlite.prepare(`SELECT code, id FROM ${table}`).all() as Array<{ code: string; id: number }>).map((r) => [
        r.code,
        r.id,
      ]),
    );
  return {
    file,
    db,
    snap,
    /** The test's own SQLite connection, for what only SQLite has (serialising a template, its pragmas). */
    sqlite,
    get: async <T = Record<string, unknown>>(sql: string, ...args: unknown[]) =>
      sqlite.prepare(sql).get(...args) as T | undefined,
    all: all as Helpers["all"],
    run: async (sql: string, ...args: unknown[]) => ({ changes: sqlite.prepare(sql).run(...args).changes }),
    /** The first column of the first row. */
    value: async <T = unknown>(sql: string, ...args: unknown[]) =>
      sqlite
        .prepare(sql)
        .pluck()
        .get(...args) as T,
    exec: async (sql: string) => void sqlite.exec(sql),
    ...tampering({
      drop: async () => void sqlite.exec("DROP TRIGGER risk_events_no_update; DROP TRIGGER risk_events_no_delete;"),
      async without(change) {
        const saved = sqlite
          .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'risk_events'")
          .all() as Array<{ name: string; sql: string }>;
        for (const tr of saved) sqlite.exec(`DROP TRIGGER "${tr.name}"`);
        try {
          await change();
        } finally {
          for (const tr of saved) sqlite.exec(tr.sql);
        }
      },
      setHighestSeq: async (seq) =>
        void sqlite.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'risk_events'").run(seq),
    }),
    areaId: ids("areas"),
    regionId: ids("regions"),
    unitId: ids("units"),
    async cleanup() {
      closeAll();
      sqlite.close();
      await db.close();
      remove();
    },
  };
}

/** The same helpers over a PostgreSQL store's database. */
export async function withRawPg(db: Db, url: string, drop: () => Promise<void>) {
  const raw = await pgRawClient(url);
  const { snap, closeAll } = snapshots(db);
  return {
    file: url,
    db,
    snap,
    sqlite: undefined,
    get: raw.get,
    all: raw.all,
    run: raw.run,
    value: raw.value,
    exec: raw.exec,
    ...tampering({
      // DDL on PostgreSQL waits for every open transaction that read the table: the test's own
      // snapshots are closed first (the tampering happens between reads, as an attacker's would).
      async drop() {
        closeAll();
        await raw.exec(
          "DROP TRIGGER risk_events_no_update ON risk_events; DROP TRIGGER risk_events_no_delete ON risk_events",
        );
      },
      async without(change) {
        closeAll();
        await raw.exec("ALTER TABLE risk_events DISABLE TRIGGER USER");
        try {
          await change();
        } finally {
          await raw.exec("ALTER TABLE risk_events ENABLE TRIGGER USER");
        }
      },
      // is_called = true: the next insert takes seq + 1, as SQLite's AUTOINCREMENT would.
      setHighestSeq: async (seq) =>
        void (await raw.get("SELECT setval(pg_get_serial_sequence('risk_events', 'seq'), ?, true)", seq)),
    }),
    ...(await idsOf(raw.all)),
    /** Closes the connections and keeps the database (a template other tests copy). */
    async detach() {
      closeAll();
      await raw.close();
      await db.close();
    },
    async cleanup() {
      closeAll();
      await raw.close();
      await db.close();
      await drop();
    },
  };
}
export type TestDb = Awaited<ReturnType<typeof createTestDb>>;
