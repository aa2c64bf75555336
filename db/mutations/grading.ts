import "server-only";
import type { RiskStatus } from "@/lib/domain/colours";
import type { Assessment } from "@/lib/domain/grading";
import { planAcknowledge, planGrade, planReview, planStatus } from "@/lib/domain/risk-workflow";
import type { Db } from "../store";
import type { Actor } from "./events";
import { changeRisk, type WriteResult } from "./risk-write";

type Base = { riskId: number; expectedVersion: number; actor: Actor; now: Date };

// The rules are the plans of lib/domain/risk-workflow.ts; here each runs in changeRisk's one
// transaction, after the version check. One event each (grade, review, status/reopen, acknowledge).

export function gradeRisk(
  db: Db,
  p: Base & { assessment: Assessment; reason: string; nextReviewDate: string },
): Promise<WriteResult> {
  return changeRisk(db, p, (current) => planGrade(current, p));
}

export function reviewRisk(db: Db, p: Base & { note: string; nextReviewDate: string }): Promise<WriteResult> {
  return changeRisk(db, p, (current) => planReview(current, p));
}

export function changeStatus(db: Db, p: Base & { status: RiskStatus; reason: string }): Promise<WriteResult> {
  return changeRisk(db, p, (current) => planStatus(current, p));
}

export function acknowledgeRed(db: Db, p: Base & { instruction: string }): Promise<WriteResult> {
  return changeRisk(db, p, (current) => planAcknowledge(current, p));
}
