import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as pg from "@/db/schema/pg";
import * as sqlite from "@/db/schema/sqlite";

/**
 * The two stores' schemas describe one database (db/schema/index.ts types every query by the SQLite
 * one and runs it on either): the same tables, each with the same columns, nullability and
 * indexes by name. A table or column added to one file only fails here, not in a deployment.
 */
const tables = <T>(mod: Record<string, unknown>, kind: abstract new (...a: never[]) => T) =>
  Object.values(mod).filter((v): v is T => v instanceof kind);

describe("the SQLite and PostgreSQL schemas", () => {
  const lite = new Map(tables(sqlite, SQLiteTable).map((t) => [sqliteConfig(t).name, sqliteConfig(t)]));
  const post = new Map(tables(pg, PgTable).map((t) => [pgConfig(t).name, pgConfig(t)]));

  it("have the same tables (PostgreSQL also holds the API's shared rate windows: one process needs none)", () => {
    const PG_ONLY = ["api_rate_limits"];
    expect([...post.keys()].filter((n) => !PG_ONLY.includes(n)).sort()).toEqual([...lite.keys()].sort());
    expect(lite.has("hazards")).toBe(true);
  });

  it("give every table the same columns, the same nullability and the same named indexes", () => {
    for (const [name, l] of lite) {
      const p = post.get(name)!;
      const columns = (cs: Array<{ name: string; notNull: boolean }>) =>
        cs.map((c) => `${c.name}${c.notNull ? "!" : "?"}`).sort();
      expect(columns(p.columns), name).toEqual(columns(l.columns));
      expect(p.indexes.map((i) => i.config.name).sort(), name).toEqual(l.indexes.map((i) => i.config.name).sort());
    }
  });
});
