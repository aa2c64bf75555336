import "server-only";
import { and, desc, gte, lt } from "drizzle-orm";
import type { Assessment } from "@/lib/domain/grading";
import { DEFAULT_CODE_PREFIX, nextRiskCode } from "@/lib/domain/risk-code";
import type { RiskDetails } from "@/lib/validation/risk";
import type { Db } from "../client";
import { risks } from "../schema";
import { appendEvent, writeTransaction, type Actor } from "./events";
import { changeRisk, type WriteResult } from "./risk-write";

export type { Actor };

/** The details a form may change; each changed one becomes one history event. */
const TRACKED = [
  "title",
  "description",
  "areaId",
  "regionId",
  "responsibleUnitId",
  "responsiblePerson",
  "coUnitIds",
] as const;
type Fields = Pick<RiskDetails, (typeof TRACKED)[number]>;
const pickFields = (input: Fields): Fields =>
  Object.fromEntries(TRACKED.map((f) => [f, input[f]])) as unknown as Fields;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Creates a risk with its first assessment and its "create" event in one transaction. The code's
 * yearly sequence is read inside the same (IMMEDIATE) transaction, so two creations can never get
 * the same code. A risk created red waits for a leader's acknowledgement like any escalation.
 */
export function insertRisk(
  db: Db,
  {
    input,
    assessment,
    nextReviewDate,
    actor,
    now,
    year,
  }: { input: RiskDetails; assessment: Assessment; nextReviewDate: string; actor: Actor; now: Date; year: number },
) {
  return writeTransaction(db, (tx) => {
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
      .values({
        ...fields,
        code,
        colour: assessment.colour,
        status: "identified",
        assessment,
        nextReviewDate,
        ackPending: assessment.colour === "red",
        lastReviewedAt: now,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: risks.id, code: risks.code })
      .get();
    appendEvent(tx, {
      at: now,
      actor,
      action: "create",
      riskId: row.id,
      riskVersion: 1,
      newValue: { code, ...fields, colour: assessment.colour, status: "identified", nextReviewDate },
      reason: input.reason || null,
      data: { assessment },
    });
    return row;
  });
}

/**
 * Edits a risk's details from the version the user saw (optimistic concurrency): if the risk moved
 * on meanwhile, nothing is written. Each changed field is its own event with old and new values.
 */
export function updateRiskDetails(
  db: Db,
  p: { riskId: number; expectedVersion: number; input: RiskDetails; actor: Actor; now: Date },
): WriteResult {
  return changeRisk(db, p, (current) => {
    const next = pickFields(p.input);
    const changed = TRACKED.filter((f) => !same(current[f], next[f]));
    if (changed.length === 0) return { error: "noChange" };
    return {
      set: next,
      events: changed.map((field) => ({
        action: "update",
        field,
        oldValue: current[field],
        newValue: next[field],
        reason: p.input.reason || null,
      })),
    };
  });
}
