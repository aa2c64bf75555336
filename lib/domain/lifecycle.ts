import type { RiskStatus } from "./colours";

/**
 * Status lifecycle (docs/domain.md): 识别 identified → 管控中 controlling → 已化解 resolved → 已销号 closed.
 * A risk may be resolved straight from identified (handled at once); resolved and closed risks may
 * be reopened, which puts them back under control. Anything else is refused.
 */
const NEXT: Record<RiskStatus, readonly RiskStatus[]> = {
  identified: ["controlling", "resolved"],
  controlling: ["resolved"],
  resolved: ["closed", "controlling"],
  closed: ["controlling"],
};

export function allowedTransitions(from: RiskStatus): readonly RiskStatus[] {
  return NEXT[from];
}

export function canTransition(from: RiskStatus, to: RiskStatus): boolean {
  return NEXT[from].includes(to);
}

/** Going back from resolved or closed is a reopening, recorded as such. */
export function isReopening(from: RiskStatus, to: RiskStatus): boolean {
  return (from === "resolved" || from === "closed") && to === "controlling";
}
