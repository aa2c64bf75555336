import "server-only";
import { storedJson } from "@/lib/domain/history-chain";
import type { Actor } from "@/lib/domain/actor";
import type { Db, Tx } from "../store";
import { appendStoredEvent } from "../history/append";

export type { Actor, Tx };

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
export async function appendEvent(tx: Tx, e: EventInput): Promise<{ seq: number }> {
  const row = await appendStoredEvent(tx, {
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

/**
 * Runs `body` inside `h` when it is already a transaction (so a step composes into a caller's
 * write), or as a write of its own when it is the store.
 */
export function writeWith<T>(h: Db | Tx, body: (tx: Tx) => Promise<T>): Promise<T> {
  return "write" in h ? h.write(body) : body(h);
}
