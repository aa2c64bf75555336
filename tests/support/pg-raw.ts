import pg from "pg";

/** `?` placeholders (as the tests write them, for SQLite) as PostgreSQL's `$1, $2 …`, quoted text left alone. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/'(?:[^']|'')*'|\?/g, (m) => (m === "?" ? `$${++n}` : m));
}

/**
 * The test's own connection to a PostgreSQL database, answering as better-sqlite3 does: rows as
 * objects, counts and epoch milliseconds as numbers, booleans as 1 and 0 — so a test's plain SQL
 * checks read the same on both stores.
 */
export async function pgRawClient(url: string) {
  const client = new pg.Client({
    connectionString: url,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === 20
          ? (v: string) => Number(v)
          : oid === 16
            ? (v: string) => (v === "t" ? 1 : 0)
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  const query = async (sql: string, args: unknown[]) => client.query(numbered(sql), args);
  return {
    get: async <T = Record<string, unknown>>(sql: string, ...args: unknown[]) =>
      (await query(sql, args)).rows[0] as T | undefined,
    all: async <T = Record<string, unknown>>(sql: string, ...args: unknown[]) => (await query(sql, args)).rows as T[],
    run: async (sql: string, ...args: unknown[]) => ({ changes: (await query(sql, args)).rowCount ?? 0 }),
    value: async <T = unknown>(sql: string, ...args: unknown[]) => {
      const r = await client.query({ text: numbered(sql), values: args, rowMode: "array" });
      return (r.rows[0] as unknown[] | undefined)?.[0] as T;
    },
    exec: async (sql: string) => void (await client.query(sql)),
    close: () => client.end(),
  };
}
