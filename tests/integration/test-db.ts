import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations } from "@/db/migrate";
import { openDb } from "@/db/open";
import { seedReference } from "@/db/seed";
import { openDatabase } from "@/db/sqlite/connection";

/**
 * A real database in a fresh temp directory, built from the committed migrations and seeded with
 * the reference lists — the same path production takes — opened as the app opens it (`db`). The
 * test's own connection (`get`, `all`, `run`, `value`, `exec`) sets up cases and checks rows with
 * plain SQL, beside the app's code rather than through it. `cleanup` closes both and removes it.
 */
export async function createTestDb({ referenceAt = new Date() }: { referenceAt?: Date } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "sise-test-"));
  const file = join(dir, "sise.db");
  const db = openDb(file);
  await applyMigrations(db);
  await seedReference(db, referenceAt);
  return withRaw(db, file, dir);
}

/** The raw helpers over a store's file (also for copies of a template: tests/support/accounts.ts). */
export function withRaw(db: ReturnType<typeof openDb>, file: string, dir: string) {
  const sqlite = openDatabase(file);
  const ids = (table: string) =>
    Object.fromEntries(
      (sqlite.prepare(`SELECT code, id FROM ${table}`).all() as Array<{ code: string; id: number }>).map((r) => [
        r.code,
        r.id,
      ]),
    );
  const held: Array<() => void> = [];
  return {
    file,
    db,
    /** A read-only snapshot of the store (closed at cleanup), for what reads one: exports, checks. */
    async snap() {
      const h = await db.openSnapshot();
      held.push(h.close);
      return h.snapshot;
    },
    /** The test's own connection, for what only SQLite has (serialising a template, its pragmas). */
    sqlite,
    get: async <T = Record<string, unknown>>(sql: string, ...args: unknown[]) =>
      sqlite.prepare(sql).get(...args) as T | undefined,
    all: async <T = Record<string, unknown>>(sql: string, ...args: unknown[]) =>
      sqlite.prepare(sql).all(...args) as T[],
    run: async (sql: string, ...args: unknown[]) => ({ changes: sqlite.prepare(sql).run(...args).changes }),
    /** The first column of the first row. */
    value: async <T = unknown>(sql: string, ...args: unknown[]) =>
      sqlite
        .prepare(sql)
        .pluck()
        .get(...args) as T,
    exec: async (sql: string) => void sqlite.exec(sql),
    areaId: ids("areas"),
    regionId: ids("regions"),
    unitId: ids("units"),
    async cleanup() {
      for (const close of held.splice(0)) close();
      sqlite.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type TestDb = Awaited<ReturnType<typeof createTestDb>>;
