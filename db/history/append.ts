import type Database from "better-sqlite3";
import { linkEvent, type SealedEvent, type StoredEvent } from "../../lib/domain/history-chain";
import { cachedStatement } from "../statements";

const HEAD = "SELECT seq, hash FROM risk_events ORDER BY seq DESC LIMIT 1";
const INSERT = `INSERT INTO risk_events (seq, at, risk_id, risk_version, actor_id, actor_name, action, field, old_value, new_value, reason, data, prev_hash, hash)
  VALUES (@seq, @at, @risk_id, @risk_version, @actor_id, @actor_name, @action, @field, @old_value, @new_value, @reason, @data, @prev_hash, @hash)`;

/**
 * The one way an event enters the history: read the chain head, link the event after it, insert.
 * Call it inside the caller's IMMEDIATE transaction so the head cannot move in between. Used by
 * the app (db/mutations/events.ts) and by scripts that write with plain better-sqlite3 (seeding).
 */
export function appendStoredEvent(client: Database.Database, e: Omit<StoredEvent, "seq">): SealedEvent {
  const row = linkEvent(cachedStatement(client, HEAD).get() as { seq: number; hash: string } | undefined, e);
  cachedStatement(client, INSERT).run(row);
  return row;
}

/** The history's last sequence number (0 when empty): what remembered results are keyed by. */
export function headSeq(client: Database.Database): number {
  return (cachedStatement(client, HEAD).get() as { seq: number } | undefined)?.seq ?? 0;
}
