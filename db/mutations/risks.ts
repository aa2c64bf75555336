import "server-only";
import { and, desc, eq, gte, lt } from "drizzle-orm";
import { DEFAULT_CODE_PREFIX, nextRiskCode } from "@/lib/domain/risk-code";
import type { RiskInput } from "@/lib/validation/risk";
import type { Db } from "../client";
import { riskEvents, risks } from "../schema";

import type { Actor } from "./events";
export type { Actor };

/** The risk fields a form may change; each change becomes one history event. */
const TRACKED = [
  "title", "description", "areaId", "regionId", "colour", "status",
  "responsibleUnitId", "responsiblePerson", "controlMeasures", "nextReviewDate",
] as const satisfies ReadonlyArray<keyof RiskInput>;

type Fields = Pick<RiskInput, (typeof TRACKED)[number]>;
const pickFields = (input: Fields): Fields =>
  Object.fromEntries(TRACKED.map((f) => [f, input[f]])) as Fields;

/**
 * Creates a risk and its "create" event in one synchronous transaction. The code's yearly sequence
 * is read inside the same transaction, so two creations can never get the same code.
 */
export function insertRisk(db: Db, { input, actor, now, year }: { input: RiskInput; actor: Actor; now: Date; year: number }) {
  return db.transaction((tx) => {
    const prefix = `${DEFAULT_CODE_PREFIX}-${year}-`;
    const last = tx
      .select({ code: risks.code })
      .from(risks)
      .where(and(gte(risks.code, prefix), lt(risks.code, `${DEFAULT_CODE_PREFIX}-${year}.`)))
      .orderBy(desc(risks.code))
      .limit(1)
      .get();
    const code = nextRiskCode(DEFAULT_CODE_PREFIX, year, last?.code);
    const fields = pickFields(input);
    const row = tx
      .insert(risks)
      .values({ ...fields, code, assessment: { method: "direct" }, version: 1, createdAt: now, updatedAt: now })
      .returning({ id: risks.id, code: risks.code })
      .get();
    tx.insert(riskEvents)
      .values({ at: now, riskId: row.id, actorId: actor.id, actorName: actor.name, action: "create", newValue: { code, ...fields }, reason: input.reason || null })
      .run();
    return row;
  });
}

export type UpdateResult =
  | { ok: true; version: number; changed: string[] }
  | { ok: false; error: "notFound" }
  | { ok: false; error: "conflict"; currentVersion: number };

/**
 * Applies an edit made from `expectedVersion` (optimistic concurrency): if the risk moved on since
 * the form was loaded, nothing is written and the caller is told the current version. Each changed
 * field is recorded as its own event with old and new values, all in the same transaction.
 */
export function updateRisk(
  db: Db,
  { riskId, expectedVersion, input, actor, now }: { riskId: number; expectedVersion: number; input: RiskInput; actor: Actor; now: Date },
): UpdateResult {
  return db.transaction((tx): UpdateResult => {
    const current = tx.select().from(risks).where(eq(risks.id, riskId)).get();
    if (!current) return { ok: false, error: "notFound" };
    if (current.version !== expectedVersion) return { ok: false, error: "conflict", currentVersion: current.version };
    const next = pickFields(input);
    const changed = TRACKED.filter((f) => current[f] !== next[f]);
    if (changed.length === 0) return { ok: true, version: current.version, changed: [] };
    const version = current.version + 1;
    tx.update(risks)
      .set({ ...next, version, updatedAt: now })
      .where(and(eq(risks.id, riskId), eq(risks.version, expectedVersion)))
      .run();
    for (const field of changed) {
      tx.insert(riskEvents)
        .values({ at: now, riskId, actorId: actor.id, actorName: actor.name, action: "update", field, oldValue: current[field], newValue: next[field], reason: input.reason || null })
        .run();
    }
    return { ok: true, version, changed };
  });
}
