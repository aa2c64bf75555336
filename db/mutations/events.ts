import "server-only";
import type { Db } from "../client";
import { riskEvents } from "../schema";

/** Who did it: a signed-in user, or a named system actor (seed, setup) with no id. */
export type Actor = { id: number | null; name: string };

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * One append-only history for the whole system: risk changes carry a risk id, account and security
 * events (sign-ins, role and scope changes) do not. Callers pass their open transaction so the
 * event commits or rolls back with the change it describes.
 */
export function appendEvent(
  tx: Tx | Db,
  e: { at: Date; actor: Actor; action: string; riskId?: number; field?: string; oldValue?: unknown; newValue?: unknown; reason?: string | null; data?: unknown },
) {
  tx.insert(riskEvents)
    .values({
      at: e.at, riskId: e.riskId ?? null, actorId: e.actor.id, actorName: e.actor.name, action: e.action,
      field: e.field ?? null, oldValue: e.oldValue ?? null, newValue: e.newValue ?? null, reason: e.reason ?? null, data: e.data ?? null,
    })
    .run();
}
export type { Tx };
