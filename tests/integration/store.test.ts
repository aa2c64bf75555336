import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/connection";
import { applyMigrations } from "@/db/migrate";
import { seedDemoRegister, seedReference } from "@/db/seed";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

const count = (table: string) => (t.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("migrations and seed", () => {
  it("creates the reference lists from docs/domain.md", () => {
    expect(t.sqlite.prepare("SELECT kind, count(*) AS n FROM areas GROUP BY kind ORDER BY kind").all()).toEqual([
      { kind: "category", n: 21 },
      { kind: "domain", n: 14 },
    ]);
    expect(count("regions")).toBe(13);
    expect(t.sqlite.prepare("SELECT count(*) AS n FROM regions WHERE parent_id IS NOT NULL").get()).toEqual({ n: 12 });
    expect(count("units")).toBeGreaterThanOrEqual(28);
  });

  it("is idempotent: a second start keeps data and adds nothing", async () => {
    expect(await seedDemoRegister(t.sqlite, { count: 50 })).toBe(50);
    t.sqlite.prepare("UPDATE areas SET name_zh = '城镇燃气(改)' WHERE code = 'S03'").run();
    const before = { risks: count("risks"), events: count("risk_events"), areas: count("areas") };
    await applyMigrations(t.sqlite);
    expect(await seedReference(t.sqlite)).toBe(0);
    expect(await seedDemoRegister(t.sqlite)).toBe(0);
    expect({ risks: count("risks"), events: count("risk_events"), areas: count("areas") }).toEqual(before);
    expect(t.sqlite.prepare("SELECT name_zh FROM areas WHERE code = 'S03'").get()).toEqual({ name_zh: "城镇燃气(改)" });
  });

  it("opens connections in WAL with foreign keys and full sync", () => {
    const c = openDatabase(t.file);
    expect(c.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(c.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(c.pragma("synchronous", { simple: true })).toBe(2);
    expect(c.pragma("busy_timeout", { simple: true })).toBe(5000);
    c.close();
  });
});

describe("database guards", () => {
  beforeEach(() => seedDemoRegister(t.sqlite, { count: 5 }));

  it("keeps the history append-only even against raw SQL", () => {
    expect(() => t.sqlite.prepare("UPDATE risk_events SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => t.sqlite.prepare("DELETE FROM risk_events").run()).toThrow(/append-only/);
    expect(count("risk_events")).toBeGreaterThan(0);
  });

  it("refuses impossible colours, statuses and dangling references", () => {
    expect(() => t.sqlite.prepare("UPDATE risks SET colour = 'purple'").run()).toThrow(/CHECK/);
    expect(() => t.sqlite.prepare("UPDATE risks SET status = 'gone'").run()).toThrow(/CHECK/);
    expect(() => t.sqlite.prepare("UPDATE risks SET area_id = 9999").run()).toThrow(/FOREIGN KEY/);
  });

  it("keeps both search indexes in step with title edits", () => {
    const id = (t.sqlite.prepare("SELECT id FROM risks LIMIT 1").get() as { id: number }).id;
    t.sqlite.prepare("UPDATE risks SET title = '独一无二的测试标题' WHERE id = ?").run(id);
    const tri = t.sqlite.prepare("SELECT rowid FROM risk_search WHERE risk_search MATCH ?").all('"一无二的"');
    const bi = t.sqlite.prepare("SELECT rowid FROM risk_bigrams WHERE risk_bigrams MATCH ?").all('"测试"');
    expect(tri).toEqual([{ rowid: id }]);
    expect(bi).toEqual([{ rowid: id }]);
  });
});
