import { linkEvent, type SealedEvent, type StoredEvent } from "../../lib/domain/history-chain";
import { cachedStatement } from "../sqlite/statements";
import { connectionOf } from "../sqlite/store";
import type { Reads, Tx } from "../store";

const HEAD = "SELECT seq, hash FROM risk_events ORDER BY seq DESC LIMIT 1";
const INSERT = `INSERT INTO risk_events (seq, at, risk_id, risk_version, actor_id, actor_name, action, field, old_value, new_value, reason, data, prev_hash, hash)
  VALUES (@seq, @at, @risk_id, @risk_version, @actor_id, @actor_name, @action, @field, @old_value, @new_value, @reason, @data, @prev_hash, @hash)`;

/**
 * The one way an event enters the history: read the chain head, link the event after it, insert —
 * inside the caller's write transaction, whose lock keeps the head from moving in between. On
 * SQLite the two statements are prepared once per connection: this runs on every write.
 */
export async function appendStoredEvent(tx: Tx, e: Omit<StoredEvent, "seq">): Promise<SealedEvent> {
  const connection = connectionOf(tx);
  const row = linkEvent(cachedStatement(connection, HEAD).get() as { seq: number; hash: string } | undefined, e);
  cachedStatement(connection, INSERT).run(row);
  return row;
}

/** The history's last sequence number (0 when empty): what remembered results are keyed by. */
export async function headSeq(r: Reads): Promise<number> {
  return (cachedStatement(connectionOf(r), HEAD).get() as { seq: number } | undefined)?.seq ?? 0;
}
