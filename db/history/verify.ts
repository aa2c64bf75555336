import { createChainVerifier, type ChainResult } from "../../lib/domain/history-chain";
import { sql } from "drizzle-orm";
import { rawRows } from "../raw";
import type { Db } from "../store";
import { highestIssuedSeq } from "./append";

type Row = Parameters<ReturnType<typeof createChainVerifier>["push"]>[0];
type RawRow = [
  number,
  number,
  number | null,
  number | null,
  number | null,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

/** Rows are read as arrays (raw mode): building the object here is much cheaper than better-sqlite3 doing it. */
const toRow = (r: RawRow): Row => ({
  seq: r[0],
  at: r[1],
  risk_id: r[2],
  risk_version: r[3],
  actor_id: r[4],
  actor_name: r[5],
  action: r[6],
  field: r[7],
  old_value: r[8],
  new_value: r[9],
  reason: r[10],
  data: r[11],
  prev_hash: r[12],
  hash: r[13],
});

/**
 * Recomputes the whole chain and reports the first broken link, or the count and head. Reads in
 * keyed chunks from one snapshot: the high-water mark and every row agree, in constant memory.
 * `pause` runs between chunks — the web page passes a yield to the event loop so other requests
 * keep flowing.
 */
export function verifyHistory(
  db: Db,
  { chunk = 20_000, pause }: { chunk?: number; pause?: () => Promise<void> } = {},
): Promise<ChainResult> {
  return db.snapshot(async (s) => {
    const verifier = createChainVerifier();
    // The highest sequence ever issued: a cut tail (the last events deleted) shows as a gap.
    const highest = await highestIssuedSeq(s);
    let last = 0;
    for (;;) {
      const rows = await rawRows<RawRow>(
        s,
        sql`SELECT seq, at, risk_id, risk_version, actor_id, actor_name, action, field, old_value, new_value, reason, data, prev_hash, hash
          FROM risk_events WHERE seq > ${last} ORDER BY seq LIMIT ${chunk}`,
      );
      for (const r of rows) if (!verifier.push(toRow(r))) return verifier.finish();
      if (rows.length < chunk) break;
      last = rows[rows.length - 1][0];
      if (pause) await pause();
    }
    return verifier.finish(highest);
  });
}
