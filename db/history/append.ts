import { sql } from "drizzle-orm";
import { linkEvent, type SealedEvent, type StoredEvent } from "../../lib/domain/history-chain";
import { rawRows, rawRun } from "../raw";
import type { Reads, Tx } from "../store";

const HEAD = sql`SELECT seq, hash FROM risk_events ORDER BY seq DESC LIMIT 1`;

/**
 * The one way an event enters the history: read the chain head, link the event after it, insert —
 * inside the caller's write transaction, whose lock keeps the head from moving in between (on
 * PostgreSQL the write lock: `SELECT … FOR UPDATE` on the last event would not stop a second
 * inserter, which sees no row to lock). The statements are prepared once per SQLite connection:
 * this runs on every write.
 */
export async function appendStoredEvent(tx: Tx, e: Omit<StoredEvent, "seq">): Promise<SealedEvent> {
  const [head] = await rawRows<[number, string]>(tx, HEAD);
  const row = linkEvent(head ? { seq: head[0], hash: head[1] } : undefined, e);
  await rawRun(
    tx,
    sql`INSERT INTO risk_events (seq, at, risk_id, risk_version, actor_id, actor_name, action, field, old_value, new_value, reason, data, prev_hash, hash)
    VALUES (${row.seq}, ${row.at}, ${row.risk_id}, ${row.risk_version}, ${row.actor_id}, ${row.actor_name}, ${row.action}, ${row.field}, ${row.old_value}, ${row.new_value}, ${row.reason}, ${row.data}, ${row.prev_hash}, ${row.hash})`,
  );
  // The highest sequence ever issued is kept where a cut tail would show (SQLite keeps it in
  // sqlite_sequence by itself; PostgreSQL's identity sequence must be told, as seq is given).
  if (tx.dialect === "pg")
    await rawRows(tx, sql`SELECT setval(pg_get_serial_sequence('risk_events', 'seq'), ${row.seq})`);
  return row;
}

/** The history's last sequence number (0 when empty): what remembered results are keyed by. */
export async function headSeq(r: Reads): Promise<number> {
  return (await rawRows<[number]>(r, HEAD))[0]?.[0] ?? 0;
}

/** The highest sequence number ever issued (a cut tail leaves it above the last event's), or undefined. */
export async function highestIssuedSeq(r: Reads): Promise<number | undefined> {
  if (r.dialect === "sqlite")
    return (await rawRows<[number]>(r, sql`SELECT seq FROM sqlite_sequence WHERE name = 'risk_events'`))[0]?.[0];
  const [row] = await rawRows<[number, boolean]>(r, sql`SELECT last_value, is_called FROM risk_events_seq_seq`);
  return row && row[1] ? row[0] : undefined;
}
