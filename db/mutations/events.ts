import "server-only";
import { sql } from "drizzle-orm";
import { linkEvent, storedJson } from "@/lib/domain/history-chain";
import type { Db } from "../client";

/** Who did it: a signed-in user, or a named system actor (seed, setup) with no id. */
export type Actor = { id: number | null; name: string };

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Every write in Sise: one synchronous transaction that takes SQLite's write lock at BEGIN
 * (IMMEDIATE), so the version check, the change and the history's chain head are read and written
 * under the same lock — a second process can neither interleave nor fail half-way with BUSY.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: "immediate" });
}

export type EventInput = {
  at: Date; actor: Actor; action: string; riskId?: number; riskVersion?: number; field?: string;
  oldValue?: unknown; newValue?: unknown; reason?: string | null; data?: unknown;
};

/**
 * One append-only history for the whole system: risk changes carry a risk id, account and security
 * events (sign-ins, role and scope changes) do not. Callers pass their open transaction so the
 * event commits or rolls back with the change it describes. Each event is linked into the global
 * hash chain (lib/domain/history-chain.ts) from the values exactly as they are stored.
 */
export function appendEvent(tx: Tx | Db, e: EventInput): { seq: number } {
  const head = tx.get<{ seq: number; hash: string } | undefined>(sql`SELECT seq, hash FROM risk_events ORDER BY seq DESC LIMIT 1`);
  const row = linkEvent(head, {
    at: e.at.getTime(), risk_id: e.riskId ?? null, risk_version: e.riskVersion ?? null, actor_id: e.actor.id, actor_name: e.actor.name,
    action: e.action, field: e.field ?? null, old_value: storedJson(e.oldValue), new_value: storedJson(e.newValue), reason: e.reason ?? null, data: storedJson(e.data),
  });
  tx.run(sql`INSERT INTO risk_events (seq, at, risk_id, risk_version, actor_id, actor_name, action, field, old_value, new_value, reason, data, prev_hash, hash)
    VALUES (${row.seq}, ${row.at}, ${row.risk_id}, ${row.risk_version}, ${row.actor_id}, ${row.actor_name}, ${row.action}, ${row.field},
            ${row.old_value}, ${row.new_value}, ${row.reason}, ${row.data}, ${row.prev_hash}, ${row.hash})`);
  return { seq: row.seq };
}
export type { Tx };
