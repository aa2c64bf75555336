import { sql } from "drizzle-orm";
import { chainHash, GENESIS, type StoredEvent } from "../../lib/domain/history-chain";
import { rawRows, rawRun } from "../raw";
import type { Db } from "../store";

type Row = [
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
];

/**
 * Links events written before the hash chain existed (migration 0007) into it, oldest first. The
 * trigger lets an UPDATE through only for exactly this: hash and prev_hash from NULL to a value.
 * Runs after every migration; on a sealed history it finds nothing to do. Returns how many it sealed.
 */
export function sealHistory(db: Db): Promise<number> {
  return db.write(async (tx) => {
    const unsealed = await rawRows<Row>(
      tx,
      sql`SELECT seq, at, risk_id, risk_version, actor_id, actor_name, action, field, old_value, new_value, reason, data
        FROM risk_events WHERE hash IS NULL ORDER BY seq`,
    );
    if (unsealed.length === 0) return 0;
    let [prev] =
      (
        await rawRows<[string | null]>(
          tx,
          sql`SELECT hash FROM risk_events WHERE seq < ${unsealed[0][0]} ORDER BY seq DESC LIMIT 1`,
        )
      )[0] ?? [];
    prev ??= GENESIS;
    for (const r of unsealed) {
      const e: StoredEvent = {
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
      };
      const hash = chainHash(prev, e);
      await rawRun(tx, sql`UPDATE risk_events SET prev_hash = ${prev}, hash = ${hash} WHERE seq = ${e.seq}`);
      prev = hash;
    }
    return unsealed.length;
  });
}
