import type { Colour, RiskStatus } from "./colours";
import type { Assessment } from "./grading";
import { canTransition, isReopening } from "./lifecycle";

/**
 * The workflow of one risk as pure plans: from the risk as it stands and what the user asked, the
 * change to make (columns and history events) or a refusal. The data layer runs a plan inside its
 * one transaction (db/mutations/risk-write.ts `changeRisk`, which also checks the version the user
 * saw); nothing here reads or writes storage, so every rule is tested without a database.
 */
export type RiskFacts = {
  colour: Colour;
  status: RiskStatus;
  ackPending: boolean;
  assessment: unknown;
  nextReviewDate: string;
};

/** A history event as a plan names it; the data layer stamps time, actor, risk and version. */
export type PlannedEvent = {
  action: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  data?: unknown;
};

export type RiskPlan = {
  set: Partial<{
    colour: Colour;
    assessment: Assessment;
    nextReviewDate: string;
    lastReviewedAt: Date;
    ackPending: boolean;
    status: RiskStatus;
  }>;
  events: PlannedEvent[];
};
export type Refusal = { error: "invalidTransition" | "notPending" };

/**
 * A new assessment takes effect at once — a red is never held back for approval. A rise to red
 * flags the risk "awaiting leader acknowledgement"; re-grading a red as red keeps whatever the flag
 * was (an acknowledged red stays acknowledged); leaving red clears it. A grading is also a review,
 * so it sets the next review day.
 */
export function planGrade(
  current: RiskFacts,
  p: { assessment: Assessment; reason: string; nextReviewDate: string; now: Date },
): RiskPlan {
  const to = p.assessment.colour;
  const escalatedToRed = to === "red" && current.colour !== "red";
  return {
    set: {
      colour: to,
      assessment: p.assessment,
      nextReviewDate: p.nextReviewDate,
      lastReviewedAt: p.now,
      ackPending: to === "red" ? current.ackPending || escalatedToRed : false,
    },
    events: [
      {
        action: "grade",
        field: "colour",
        oldValue: current.colour,
        newValue: to,
        reason: p.reason,
        data: {
          assessment: p.assessment,
          previous: current.assessment,
          nextReviewDate: { from: current.nextReviewDate, to: p.nextReviewDate },
          escalatedToRed,
        },
      },
    ],
  };
}

/** "Reviewed, no change": the grade is confirmed with a note and the next review day is set. */
export function planReview(current: RiskFacts, p: { note: string; nextReviewDate: string; now: Date }): RiskPlan {
  return {
    set: { nextReviewDate: p.nextReviewDate, lastReviewedAt: p.now },
    events: [
      {
        action: "review",
        field: "nextReviewDate",
        oldValue: current.nextReviewDate,
        newValue: p.nextReviewDate,
        reason: p.note,
        data: { colour: current.colour },
      },
    ],
  };
}

/** A lifecycle step (identified → controlling → resolved → closed, or a reopening) with its reason. */
export function planStatus(current: RiskFacts, p: { status: RiskStatus; reason: string }): RiskPlan | Refusal {
  if (!canTransition(current.status, p.status)) return { error: "invalidTransition" };
  return {
    set: { status: p.status },
    events: [
      {
        action: isReopening(current.status, p.status) ? "reopen" : "status",
        field: "status",
        oldValue: current.status,
        newValue: p.status,
        reason: p.reason,
      },
    ],
  };
}

/** A leader acknowledges a red that awaits it, optionally with a written instruction (批示). */
export function planAcknowledge(current: RiskFacts, p: { instruction: string }): RiskPlan | Refusal {
  if (!current.ackPending) return { error: "notPending" };
  return {
    set: { ackPending: false },
    events: [
      {
        action: "acknowledge",
        field: "ackPending",
        oldValue: true,
        newValue: false,
        reason: p.instruction || null,
        data: { colour: current.colour },
      },
    ],
  };
}

/** The details a form may change; each changed one becomes its own history event. */
export const TRACKED_DETAILS = [
  "title",
  "description",
  "areaId",
  "regionId",
  "responsibleUnitId",
  "responsiblePerson",
  "coUnitIds",
] as const;
export type RiskDetailFields = {
  title: string;
  description: string;
  areaId: number;
  regionId: number;
  responsibleUnitId: number;
  responsiblePerson: string;
  coUnitIds: number[];
};

/** Only the tracked details of a form's input (its reason and grading fields are not details). */
export const pickDetails = (input: RiskDetailFields): RiskDetailFields =>
  Object.fromEntries(TRACKED_DETAILS.map((f) => [f, input[f]])) as unknown as RiskDetailFields;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** An edit of a risk's details: one event per changed field with its old and new value; nothing changed is refused. */
export function planDetails(
  current: RiskDetailFields,
  p: { input: RiskDetailFields; reason: string },
): { set: RiskDetailFields; events: PlannedEvent[] } | { error: "noChange" } {
  const next = pickDetails(p.input);
  const changed = TRACKED_DETAILS.filter((f) => !same(current[f], next[f]));
  if (changed.length === 0) return { error: "noChange" };
  return {
    set: next,
    events: changed.map((field) => ({
      action: "update",
      field,
      oldValue: current[field],
      newValue: next[field],
      reason: p.reason || null,
    })),
  };
}
