import { chainHash, GENESIS, type StoredEvent } from "../../lib/domain/history-chain";
import { connectionOf } from "../sqlite/store";
import type { Db } from "../store";

const COLUMNS =
  "seq, at, risk_id, risk_version, actor_id, actor_name, action, field, old_value, new_value, reason, data";

/**
 * Links events written before the hash chain existed (migration 0007) into it, oldest first. The
 * trigger lets an UPDATE through only for exactly this: hash and prev_hash from NULL to a value.
 * Runs after every migration; on a sealed history it finds nothing to do. Returns how many it sealed.
 */
export function sealHistory(db: Db): Promise<number> {
  return db.write(async (tx) => {
    const sqlite = connectionOf(tx);
    const unsealed = sqlite.prepare(`SELECT ${COLUMNS} FROM risk_events WHERE hash IS NULL ORDER BY seq`);
    const before = sqlite.prepare("SELECT hash FROM risk_events WHERE seq < ? ORDER BY seq DESC LIMIT 1");
    const seal = sqlite.prepare("UPDATE risk_events SET prev_hash = ?, hash = ? WHERE seq = ?");
    let sealed = 0;
    let prev: string | undefined;
    for (const e of unsealed.all() as StoredEvent[]) {
      prev ??= (before.get(e.seq) as { hash: string | null } | undefined)?.hash ?? GENESIS;
      const hash = chainHash(prev, e);
      seal.run(prev, hash, e.seq);
      prev = hash;
      sealed += 1;
    }
    return sealed;
  });
}
