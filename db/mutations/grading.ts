import "server-only";
import type { RiskStatus } from "@/lib/domain/colours";
import type { Assessment } from "@/lib/domain/grading";
import { canTransition, isReopening } from "@/lib/domain/lifecycle";
import type { Db } from "../client";
import type { Actor } from "./events";
import { changeRisk, type WriteResult } from "./risk-write";

type Base = { riskId: number; expectedVersion: number; actor: Actor; now: Date };

/**
 * A new assessment. The colour takes effect at once — a red is never held back for approval — and
 * a rise to red flags the risk "awaiting leader acknowledgement"; leaving red clears the flag. A
 * grading is also a review, so it sets the next review day. One "grade" event carries the old and
 * new colour, the reason, and the method inputs, score and thresholds outcome.
 */
export function gradeRisk(db: Db, p: Base & { assessment: Assessment; reason: string; nextReviewDate: string }): WriteResult {
  return changeRisk(db, p, (current) => {
    const to = p.assessment.colour;
    const escalatedToRed = to === "red" && current.colour !== "red";
    return {
      set: {
        colour: to, assessment: p.assessment, nextReviewDate: p.nextReviewDate, lastReviewedAt: p.now,
        ackPending: to === "red" ? current.ackPending || escalatedToRed : false,
      },
      events: [{
        action: "grade", field: "colour", oldValue: current.colour, newValue: to, reason: p.reason,
        data: { assessment: p.assessment, previous: current.assessment, nextReviewDate: { from: current.nextReviewDate, to: p.nextReviewDate }, escalatedToRed },
      }],
    };
  });
}

/** "Reviewed, no change": the grade is confirmed with a note and the next review day is set. */
export function reviewRisk(db: Db, p: Base & { note: string; nextReviewDate: string }): WriteResult {
  return changeRisk(db, p, (current) => ({
    set: { nextReviewDate: p.nextReviewDate, lastReviewedAt: p.now },
    events: [{ action: "review", field: "nextReviewDate", oldValue: current.nextReviewDate, newValue: p.nextReviewDate, reason: p.note, data: { colour: current.colour } }],
  }));
}

/** Lifecycle step (identified → controlling → resolved → closed, or a reopening), with its reason. */
export function changeStatus(db: Db, p: Base & { status: RiskStatus; reason: string }): WriteResult {
  return changeRisk(db, p, (current) => {
    if (!canTransition(current.status, p.status)) return { error: "invalidTransition" };
    return {
      set: { status: p.status },
      events: [{ action: isReopening(current.status, p.status) ? "reopen" : "status", field: "status", oldValue: current.status, newValue: p.status, reason: p.reason }],
    };
  });
}

/** A leader acknowledges a red, optionally with a written instruction (批示) that is recorded. */
export function acknowledgeRed(db: Db, p: Base & { instruction: string }): WriteResult {
  return changeRisk(db, p, (current) => {
    if (!current.ackPending) return { error: "notPending" };
    return {
      set: { ackPending: false },
      events: [{ action: "acknowledge", field: "ackPending", oldValue: true, newValue: false, reason: p.instruction || null, data: { colour: current.colour } }],
    };
  });
}
