"use server";

import { changeHazard } from "@/db/mutations/hazards";
import { getUnitIfActive } from "@/db/queries/reference";
import {
  planAcceptance,
  planAssignRectification,
  planExtendDeadline,
  planFiveInPlace,
  planSubmitRectification,
  planSupervise,
} from "@/lib/domain/hazards";
import { readForm } from "@/lib/validation/fields";
import type { FormState } from "@/lib/validation/form-state";
import {
  ACCEPT_FIELDS,
  ASSIGN_FIELDS,
  EXTEND_FIELDS,
  FIVE_FIELDS,
  SUBMIT_FIELDS,
  SUPERVISE_FIELDS,
  parseAccept,
  parseAssign,
  parseExtend,
  parseFive,
  parseSubmit,
  parseSupervise,
} from "@/lib/validation/hazard";
import { finishHazardStep, invalidHazardForm, openHazardStep, type HazardStep } from "./hazard-step";

/**
 * The steps of a hazard's loop, one action each: authorize and find (openHazardStep) → the form's
 * schema → the rule's plan inside one transaction (changeHazard) → back to the hazard. Each refusal
 * is a translated message and writes nothing.
 */
const who = (step: HazardStep) => ({
  hazardId: step.hazard.id,
  expectedVersion: step.expectedVersion,
  actor: step.auth.actor,
  now: step.now,
});

/** 五落实 of a major hazard: targets, funds, people, timing, safety measures. */
export async function fiveInPlaceAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, FIVE_FIELDS);
  const opened = await openHazardStep(code, formData, values, "hazard.rectify");
  if (!opened.ok) return opened.state;
  const parsed = parseFive(formData);
  if (!parsed.ok) return invalidHazardForm(parsed.fieldErrors, values);
  const { step } = opened;
  const result = await changeHazard(step.db, who(step), (h) => planFiveInPlace(h, { fiveInPlace: parsed.data }));
  return finishHazardStep(step, result, values, "fiveSaved");
}

/** 整改: the responsible unit and person and the deadline. */
export async function assignAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, ASSIGN_FIELDS);
  const opened = await openHazardStep(code, formData, values, "hazard.rectify");
  if (!opened.ok) return opened.state;
  const parsed = parseAssign(formData);
  if (!parsed.ok) return invalidHazardForm(parsed.fieldErrors, values);
  const { step } = opened;
  if (!(await getUnitIfActive(step.db, parsed.data.unitId)))
    return invalidHazardForm({ unitId: ["unknownUnit"] }, values);
  const result = await changeHazard(step.db, who(step), (h) =>
    planAssignRectification(h, { ...parsed.data, today: step.today }),
  );
  return finishHazardStep(step, result, values, "assigned");
}

/** A later deadline, with the reason recorded. */
export async function extendAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, EXTEND_FIELDS);
  const opened = await openHazardStep(code, formData, values, "hazard.rectify");
  if (!opened.ok) return opened.state;
  const parsed = parseExtend(formData);
  if (!parsed.ok) return invalidHazardForm(parsed.fieldErrors, values);
  const { step } = opened;
  const result = await changeHazard(step.db, who(step), (h) => planExtendDeadline(h, parsed.data));
  return finishHazardStep(step, result, values, "extended");
}

/** The rectifier reports the work done: it waits for acceptance by someone else. */
export async function submitAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, SUBMIT_FIELDS);
  const opened = await openHazardStep(code, formData, values, "hazard.rectify");
  if (!opened.ok) return opened.state;
  const parsed = parseSubmit(formData);
  if (!parsed.ok) return invalidHazardForm(parsed.fieldErrors, values);
  const { step } = opened;
  const result = await changeHazard(step.db, who(step), (h) =>
    planSubmitRectification(h, { measuresTaken: parsed.data.measuresTaken, userId: step.auth.user.id, now: step.now }),
  );
  return finishHazardStep(step, result, values, "submitted");
}

/** 验收: passed (closed, 销号) or failed (back to rectification with the reason). */
export async function acceptAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, ACCEPT_FIELDS);
  const opened = await openHazardStep(code, formData, values, "hazard.accept");
  if (!opened.ok) return opened.state;
  const parsed = parseAccept(formData);
  if (!parsed.ok) return invalidHazardForm(parsed.fieldErrors, values);
  const { step } = opened;
  const data = parsed.data;
  const userId = step.auth.user.id;
  if (data.outcome === "pass" && data.completedOn > step.today)
    return invalidHazardForm({ completedOn: ["dateInFuture"] }, values);
  const result = await changeHazard(step.db, who(step), (h) =>
    data.outcome === "pass"
      ? planAcceptance(h, {
          passed: true,
          userId,
          now: step.now,
          acceptance: { type: data.type, completedOn: data.completedOn, costWan: data.costWan, opinion: data.opinion },
        })
      : planAcceptance(h, { passed: false, userId, reason: data.reason }),
  );
  return finishHazardStep(step, result, values, data.outcome === "pass" ? "closed" : "returned");
}

/** 挂牌督办 of a major hazard: the level, the supervising unit and its deadline. */
export async function superviseAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, SUPERVISE_FIELDS);
  const opened = await openHazardStep(code, formData, values, "hazard.supervise");
  if (!opened.ok) return opened.state;
  const parsed = parseSupervise(formData);
  if (!parsed.ok) return invalidHazardForm(parsed.fieldErrors, values);
  const { step } = opened;
  if (!(await getUnitIfActive(step.db, parsed.data.unitId)))
    return invalidHazardForm({ unitId: ["unknownUnit"] }, values);
  const result = await changeHazard(step.db, who(step), (h) => planSupervise(h, { ...parsed.data, today: step.today }));
  return finishHazardStep(step, result, values, "supervised");
}
