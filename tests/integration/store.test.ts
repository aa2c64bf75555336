import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rawValue } from "@/db/raw";
import { openDatabase } from "@/db/sqlite/connection";
import { applyMigrations } from "@/db/migrate";
import { seedDemoRegister, seedReference } from "@/db/seed";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

const count = async (table: string) => ((await t.get(`SELECT count(*) AS n FROM ${table}`)) as { n: number }).n;

describe("migrations and seed", () => {
  it("creates the reference lists from docs/domain.md", async () => {
    expect(await t.all("SELECT kind, count(*) AS n FROM areas GROUP BY kind ORDER BY kind")).toEqual([
      { kind: "category", n: 21 },
      { kind: "domain", n: 14 },
    ]);
    expect(await count("regions")).toBe(13);
    expect(await t.get("SELECT count(*) AS n FROM regions WHERE parent_id IS NOT NULL")).toEqual({ n: 12 });
    expect(await count("units")).toBeGreaterThanOrEqual(28);
  });

  it("is idempotent: a second start keeps data and adds nothing", async () => {
    expect(await seedDemoRegister(t.db, { count: 50 })).toBe(50);
    await t.run("UPDATE areas SET name_zh = '城镇燃气(改)' WHERE code = 'S03'");
    const before = { risks: await count("risks"), events: await count("risk_events"), areas: await count("areas") };
    await applyMigrations(t.db);
    expect(await seedReference(t.db)).toBe(0);
    expect(await seedDemoRegister(t.db)).toBe(0);
    expect({ risks: await count("risks"), events: await count("risk_events"), areas: await count("areas") }).toEqual(
      before,
    );
    expect(await t.get("SELECT name_zh FROM areas WHERE code = 'S03'")).toEqual({ name_zh: "城镇燃气(改)" });
  });

  it("opens connections in WAL with foreign keys and full sync (SQLite), snapshots as repeatable reads (PostgreSQL)", async () => {
    if (!t.sqlite) {
      const snap = await t.snap();
      expect(await rawValue(snap, sql`SHOW transaction_isolation`)).toBe("repeatable read");
      expect(await rawValue(snap, sql`SHOW transaction_read_only`)).toBe("on");
      expect(await rawValue(t.db, sql`SHOW synchronous_commit`)).toBe("on");
      return;
    }
    const c = openDatabase(t.file);
    expect(c.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(c.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(c.pragma("synchronous", { simple: true })).toBe(2);
    expect(c.pragma("busy_timeout", { simple: true })).toBe(5000);
    c.close();
  });
});

describe("database guards", () => {
  beforeEach(() => seedDemoRegister(t.db, { count: 5 }));

  it("keeps the history append-only even against raw SQL", async () => {
    await expect(t.run("UPDATE risk_events SET reason = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.run("DELETE FROM risk_events")).rejects.toThrow(/append-only/);
    expect(await count("risk_events")).toBeGreaterThan(0);
  });

  it("refuses impossible colours, statuses and dangling references", async () => {
    // SQLite says "CHECK constraint failed"; PostgreSQL "violates check constraint".
    await expect(t.run("UPDATE risks SET colour = 'purple'")).rejects.toThrow(/check constraint/i);
    await expect(t.run("UPDATE risks SET status = 'gone'")).rejects.toThrow(/check constraint/i);
    await expect(t.run("UPDATE risks SET area_id = 9999")).rejects.toThrow(/foreign key/i);
  });

  it("keeps both search indexes in step with title edits", async () => {
    const id = ((await t.get("SELECT id FROM risks LIMIT 1")) as { id: number }).id;
    await t.run("UPDATE risks SET title = '独一无二的测试标题' WHERE id = ?", id);
    if (t.sqlite) {
      const tri = await t.all("SELECT rowid FROM risk_search WHERE risk_search MATCH ?", '"一无二的"');
      const bi = await t.all("SELECT rowid FROM risk_bigrams WHERE risk_bigrams MATCH ?", '"测试"');
      expect(tri).toEqual([{ rowid: id }]);
      expect(bi).toEqual([{ rowid: id }]);
    } else {
      // PostgreSQL: generated columns under a trigram index and a character-pair index.
      const tri = await t.all("SELECT id FROM risks WHERE search_text ILIKE ?", "%一无二的%");
      const bi = await t.all("SELECT id FROM risks WHERE search_bigrams @> ARRAY[?]::text[]", "测试");
      expect(tri).toEqual([{ id }]);
      expect(bi).toEqual([{ id }]);
    }
  });
});
