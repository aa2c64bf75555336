import { createHash } from "node:crypto";

/**
 * The hash chain's documented formula (docs/domain.md "The history", decision 008), written from its sentence and not
 * from the app's code:
 *   hash = SHA-256(prev_hash ‖ canonical JSON), the canonical JSON being the event's columns under
 *   their SQL names with keys sorted alphabetically, values exactly as stored; the first prev_hash is
 *   64 zeros. Tests check the app's chain with this, so a change to the app's canonical form or hash
 *   that breaks the documented format fails a test instead of being checked by itself.
 */
export const DOCUMENTED_GENESIS = "0".repeat(64);

export function documentedHash(prevHash: string, row: Record<string, unknown>): string {
  const columns = Object.entries(row)
    .filter(([k]) => k !== "hash" && k !== "prev_hash")
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash("sha256")
    .update(prevHash + JSON.stringify(Object.fromEntries(columns)), "utf8")
    .digest("hex");
}

type Row = Record<string, unknown> & { seq: number; prev_hash: string | null; hash: string | null };
/** Anything that runs plain SQL with `?` parameters: the test database's own connection (tests/integration/test-db.ts). */
export type RowSource = { all: <T>(sql: string, ...args: unknown[]) => Promise<T[]> };

/** Walks the history in sequence order with the documented formula; returns the first event whose link or hash is wrong, or null. */
export async function firstDocumentedBreak(source: RowSource): Promise<number | null> {
  let prev = DOCUMENTED_GENESIS;
  let expected = 1;
  for (;;) {
    const rows = await source.all<Row>(
      "SELECT seq, at, risk_id, risk_version, actor_id, actor_name, action, field, old_value, new_value, reason, data, prev_hash, hash FROM risk_events WHERE seq >= ? ORDER BY seq LIMIT 5000",
      expected,
    );
    for (const r of rows) {
      if (r.seq !== expected || r.prev_hash !== prev || r.hash !== documentedHash(prev, r)) return r.seq;
      prev = r.hash;
      expected += 1;
    }
    if (rows.length < 5000) return null;
  }
}
