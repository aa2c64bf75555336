import type Database from "better-sqlite3";
import { linkEvent, type StoredEvent } from "../../lib/domain/history-chain";

/**
 * The same append as db/mutations/events.ts for scripts that write with plain better-sqlite3
 * (seeding, load generation): call inside the caller's transaction so the head cannot move.
 */
export function createRawEventWriter(sqlite: Database.Database) {
  const head = sqlite.prepare("SELECT seq, hash FROM risk_events ORDER BY seq DESC LIMIT 1");
  const insert = sqlite.prepare(
    `INSERT INTO risk_events (seq, at, risk_id, risk_version, actor_id, actor_name, action, field, old_value, new_value, reason, data, prev_hash, hash)
     VALUES (@seq, @at, @risk_id, @risk_version, @actor_id, @actor_name, @action, @field, @old_value, @new_value, @reason, @data, @prev_hash, @hash)`,
  );
  return (e: Omit<StoredEvent, "seq">): number => {
    const row = linkEvent(head.get() as { seq: number; hash: string } | undefined, e);
    insert.run(row);
    return row.seq;
  };
}
