import "server-only";
import type { Assessment } from "@/lib/domain/grading";
import { DEFAULT_CODE_PREFIX } from "@/lib/domain/risk-code";
import { pickDetails, planDetails } from "@/lib/domain/risk-workflow";
import type { RiskDetails } from "@/lib/validation/risk";
import type { Db } from "../store";
import { risks } from "../schema";
import { nextCode } from "./codes";
import { appendEvent, type Actor } from "./events";
import { changeRisk, type WriteResult } from "./risk-write";

export type { Actor };

/**
 * Creates a risk with its first assessment and its "create" event in one transaction. The code's
 * yearly sequence is read inside the same write transaction, so two creations can never get the
 * same code. A risk created red waits for a leader's acknowledgement like any escalation.
 */
export function insertRisk(
  db: Db,
  p: { input: RiskDetails; assessment: Assessment; nextReviewDate: string; actor: Actor; now: Date; year: number },
): Promise<{ id: number; code: string }> {
  const { input, assessment, nextReviewDate, actor, now, year } = p;
  return db.write(async (tx) => {
    const code = await nextCode(tx, { table: risks, column: risks.code, prefix: DEFAULT_CODE_PREFIX, year });
    const fields = pickDetails(input);
    const [row] = await tx
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
      .returning({ id: risks.id, code: risks.code });
    await appendEvent(tx, {
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
): Promise<WriteResult> {
  return changeRisk(db, p, (current) => planDetails(current, { input: p.input, reason: p.input.reason }));
}
