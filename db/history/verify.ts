import type Database from "better-sqlite3";
import { createChainVerifier, type ChainResult } from "../../lib/domain/history-chain";

const SELECT = `SELECT seq, at, risk_id, risk_version, actor_id, actor_name, action, field, old_value, new_value, reason, data, prev_hash, hash
  FROM risk_events WHERE seq > ? ORDER BY seq LIMIT ?`;

type Row = Parameters<ReturnType<typeof createChainVerifier>["push"]>[0];

function highestIssued(sqlite: Database.Database): number | undefined {
  return (sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'risk_events'").get() as { seq: number } | undefined)?.seq;
}

/**
 * Recomputes the whole chain and reports the first broken link, or the count and head. Reads in
 * keyed chunks inside one read transaction: one consistent snapshot, constant memory. `pause` runs
 * between chunks — the web page passes a yield to the event loop so other requests keep flowing.
 */
export async function verifyHistory(
  sqlite: Database.Database,
  { chunk = 20_000, pause }: { chunk?: number; pause?: () => Promise<void> } = {},
): Promise<ChainResult> {
  const verifier = createChainVerifier();
  const select = sqlite.prepare(SELECT);
  sqlite.exec("BEGIN");
  try {
    const highest = highestIssued(sqlite);
    let last = 0;
    for (;;) {
      const rows = select.all(last, chunk) as Row[];
      for (const r of rows) if (!verifier.push(r)) return verifier.finish();
      if (rows.length < chunk) break;
      last = rows[rows.length - 1].seq;
      if (pause) await pause();
    }
    return verifier.finish(highest);
  } finally {
    sqlite.exec("COMMIT");
  }
}

/** The synchronous form, for scripts and tests. */
export function verifyHistorySync(sqlite: Database.Database): ChainResult {
  const verifier = createChainVerifier();
  const select = sqlite.prepare(SELECT.replace("LIMIT ?", ""));
  // One read transaction: the high-water mark and the rows come from the same snapshot.
  const tx = sqlite.transaction(() => {
    const highest = highestIssued(sqlite);
    for (const r of select.iterate(0) as Iterable<Row>) if (!verifier.push(r)) return verifier.finish();
    return verifier.finish(highest);
  });
  return tx.deferred();
}
