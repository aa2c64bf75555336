import "server-only";
import type Database from "better-sqlite3";
import { storedJson } from "@/lib/domain/history-chain";
import type { Db } from "../client";
import { appendStoredEvent } from "../history/append";

/** Who did it: a signed-in user, or a named system actor (seed, setup) with no id. */
export type Actor = { id: number | null; name: string };

/** A write transaction, carrying its connection so the history append can use cached statements. */
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] & { $client: Database.Database };

/**
 * Every write in Sise: one synchronous transaction that takes SQLite's write lock at BEGIN
 * (IMMEDIATE), so the version check, the change and the history's chain head are read and written
 * under the same lock — a second process can neither interleave nor fail half-way with BUSY.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction((tx) => fn(Object.assign(tx, { $client: db.$client })), { behavior: "immediate" });
}

export type EventInput = {
  at: Date;
  actor: Actor;
  action: string;
  riskId?: number;
  riskVersion?: number;
  field?: string;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
  data?: unknown;
};

/**
 * One append-only history for the whole system: risk changes carry a risk id, account and security
 * events (sign-ins, role and scope changes) do not. Callers pass their open transaction so the
 * event commits or rolls back with the change it describes. Each event is linked into the global
 * hash chain (lib/domain/history-chain.ts) from the values exactly as they are stored.
 */
export function appendEvent(tx: Tx | Db, e: EventInput): { seq: number } {
  const row = appendStoredEvent(tx.$client, {
    at: e.at.getTime(),
    risk_id: e.riskId ?? null,
    risk_version: e.riskVersion ?? null,
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    action: e.action,
    field: e.field ?? null,
    old_value: storedJson(e.oldValue),
    new_value: storedJson(e.newValue),
    reason: e.reason ?? null,
    data: storedJson(e.data),
  });
  return { seq: row.seq };
}
export type { Tx };
