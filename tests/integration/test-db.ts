import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "@/db/client";
import { openDatabase } from "@/db/connection";
import { applyMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { seedReference } from "@/db/seed";

/**
 * A real SQLite file in a fresh temp directory, built from the committed migrations and seeded
 * with the reference lists — the same path production takes. `cleanup` removes it.
 */
export async function createTestDb() {
  const dir = mkdtempSync(join(tmpdir(), "sise-test-"));
  const file = join(dir, "sise.db");
  const sqlite = openDatabase(file);
  await applyMigrations(sqlite);
  await seedReference(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  const ids = (table: string) =>
    Object.fromEntries(
      (sqlite.prepare(`SELECT code, id FROM ${table}`).all() as Array<{ code: string; id: number }>).map((r) => [
        r.code,
        r.id,
      ]),
    );
  return {
    file,
    sqlite,
    db,
    areaId: ids("areas"),
    regionId: ids("regions"),
    unitId: ids("units"),
    cleanup() {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type TestDb = Awaited<ReturnType<typeof createTestDb>>;
