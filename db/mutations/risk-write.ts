import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../store";
import { risks, type Risk } from "../schema";
import { appendEvent, type Actor, type EventInput } from "./events";

export type WriteError = "notFound" | "conflict" | "noChange" | "invalidTransition" | "notPending" | "measureNotFound";
export type WriteResult = { ok: true; version: number } | { ok: false; error: WriteError; currentVersion?: number };

/** What a change to a risk writes on the risk itself: columns to set (besides version/updatedAt) and its events. */
export type Change = {
  set?: Partial<typeof risks.$inferInsert>;
  events: Array<Omit<EventInput, "at" | "actor" | "riskId" | "riskVersion">>;
};

/**
 * The one shape of every write to a risk: in one write transaction, read the risk, refuse if the
 * caller's version is stale (nothing written, current version reported), let `plan` decide the
 * change from the current row (the rules of lib/domain/risk-workflow.ts), then bump the version and
 * append the events stamped with it. A plan that refuses must do so before writing anything; once
 * it goes ahead it may write its own rows (a measure) in the same transaction.
 */
export function changeRisk(
  db: Db,
  p: { riskId: number; expectedVersion: number; actor: Actor; now: Date },
  plan: (current: Risk, tx: Tx) => Change | { error: WriteError } | Promise<Change | { error: WriteError }>,
): Promise<WriteResult> {
  return db.write(async (tx): Promise<WriteResult> => {
    const [current] = await tx.select().from(risks).where(eq(risks.id, p.riskId)).limit(1);
    if (!current) return { ok: false, error: "notFound" };
    if (current.version !== p.expectedVersion) return { ok: false, error: "conflict", currentVersion: current.version };
    const change = await plan(current, tx);
    if ("error" in change) return { ok: false, error: change.error, currentVersion: current.version };
    const version = current.version + 1;
    await tx
      .update(risks)
      .set({ ...change.set, version, updatedAt: p.now })
      .where(and(eq(risks.id, p.riskId), eq(risks.version, p.expectedVersion)));
    for (const e of change.events)
      await appendEvent(tx, { ...e, at: p.now, actor: p.actor, riskId: p.riskId, riskVersion: version });
    return { ok: true, version };
  });
}
