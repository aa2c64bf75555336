import { cellKey } from "./board";
import type { PlannedEvent } from "./risk-workflow";

/**
 * Hidden hazards (隐患排查治理), the second half of 双重预防, as pure plans: from a hazard as it stands
 * and what a person asked, the change to make (columns and history events) or a refusal in words.
 * The closed loop is 发现 found → 整改 rectifying → 验收 accepting → 销号 closed; a failed
 * acceptance returns it to rectifying with its reason. A major hazard (重大隐患) cannot start
 * rectification before its "五落实" are recorded, and may be placed under 挂牌督办 at county, city or
 * province level. Nothing here reads or writes storage (docs/domain.md, ../shared/DOMAIN.md).
 */
export const HAZARD_STATUSES = ["found", "rectifying", "accepting", "closed"] as const;
/** An inspection is planned, then done once what it found (or that it found nothing) is recorded. */
export const INSPECTION_STATUSES = ["planned", "done"] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];
export const HAZARD_GRADES = ["general", "major"] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];
export const ACCEPTANCE_TYPES = ["self", "expert", "government"] as const;
export type AcceptanceType = (typeof ACCEPTANCE_TYPES)[number];
export const SUPERVISION_LEVELS = ["county", "city", "province"] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

/** A string that could be a hazard's (YH-…) or an inspection's (PC-…) code, upper-cased; else null. */
export function hazardCodeOf(raw: unknown): string | null {
  const s = typeof raw === "string" ? raw.trim().toUpperCase() : "";
  return /^YH-\d{4}-\d{5,9}$/.test(s) ? s : null;
}
export function inspectionCodeOf(raw: unknown): string | null {
  const s = typeof raw === "string" ? raw.trim().toUpperCase() : "";
  return /^PC-\d{4}-\d{5,9}$/.test(s) ? s : null;
}

/** The "五落实" of a major hazard: targets, funds and materials, people, deadline, safety measures and plan. */
export const FIVE_IN_PLACE = ["targets", "funds", "people", "timing", "safety"] as const;
export type FiveInPlace = Record<(typeof FIVE_IN_PLACE)[number], string>;

export type HazardFacts = {
  status: HazardStatus;
  grade: HazardGrade;
  /** Recorded "五落实" (major hazards), or null. */
  fiveInPlace: FiveInPlace | null;
  /** The rectification deadline (a city day, YYYY-MM-DD), once rectification is assigned. */
  deadline: string | null;
  /** Who submitted the rectification for acceptance (user id): they may not accept it. */
  rectifiedBy: number | null;
  /** How many acceptances failed so far. */
  failedAcceptances: number;
  supervision: { level: SupervisionLevel; unitId: number; deadline: string } | null;
};

export type HazardPlan = {
  set: Partial<{
    status: HazardStatus;
    grade: HazardGrade;
    fiveInPlace: FiveInPlace;
    rectifyUnitId: number;
    rectifyPerson: string;
    deadline: string;
    measuresTaken: string;
    rectifiedBy: number | null;
    rectifiedAt: Date | null;
    failedAcceptances: number;
    acceptance: Acceptance;
    closedAt: Date;
    supervision: HazardFacts["supervision"];
  }>;
  events: PlannedEvent[];
};

export type Acceptance = {
  type: AcceptanceType;
  /** The day acceptance found the work done (YYYY-MM-DD). */
  completedOn: string;
  /** 实际投入资金, in 万元, up to two decimals. */
  costWan: number;
  opinion: string;
};

export type HazardRefusal = {
  error:
    | "invalidTransition"
    | "fiveInPlaceMissing"
    | "notMajor"
    | "deadlineInPast"
    | "deadlineNotLater"
    | "ownRectification"
    | "reasonRequired"
    | "findingsRecorded"
    | "noFindings"
    | "dayInFuture";
};

type Result = HazardPlan | HazardRefusal;
export const isRefusal = (r: Result): r is HazardRefusal => "error" in r;

const event = (action: string, field: string, oldValue: unknown, newValue: unknown, reason: string | null = null) => ({
  action,
  field,
  oldValue,
  newValue,
  reason,
});

/** The five in place: every one written (a major hazard needs them before rectification starts). */
export function fiveInPlaceComplete(f: FiveInPlace | null): boolean {
  return f !== null && FIVE_IN_PLACE.every((k) => f[k].trim() !== "");
}

/** Records (or corrects) a major hazard's 五落实; while it is still open. */
export function planFiveInPlace(h: HazardFacts, p: { fiveInPlace: FiveInPlace }): Result {
  if (h.grade !== "major") return { error: "notMajor" };
  if (h.status === "closed") return { error: "invalidTransition" };
  return {
    set: { fiveInPlace: p.fiveInPlace },
    events: [event("hazard.five", "fiveInPlace", h.fiveInPlace, p.fiveInPlace)],
  };
}

/**
 * 整改: a responsible unit and person and a deadline (today or later). A found hazard starts here;
 * a major one only once its 五落实 are all recorded.
 */
export function planAssignRectification(
  h: HazardFacts,
  p: { unitId: number; person: string; deadline: string; today: string },
): Result {
  if (h.status !== "found") return { error: "invalidTransition" };
  if (h.grade === "major" && !fiveInPlaceComplete(h.fiveInPlace)) return { error: "fiveInPlaceMissing" };
  if (p.deadline < p.today) return { error: "deadlineInPast" };
  return {
    set: { status: "rectifying", rectifyUnitId: p.unitId, rectifyPerson: p.person, deadline: p.deadline },
    events: [
      event("hazard.status", "status", h.status, "rectifying"),
      event("hazard.assign", "rectification", null, { unitId: p.unitId, person: p.person, deadline: p.deadline }),
    ],
  };
}

/** A deadline moves only later, only with a reason, and only while rectification is under way. */
export function planExtendDeadline(h: HazardFacts, p: { deadline: string; reason: string }): Result {
  if (h.status !== "rectifying" || h.deadline === null) return { error: "invalidTransition" };
  if (p.reason.trim() === "") return { error: "reasonRequired" };
  if (p.deadline <= h.deadline) return { error: "deadlineNotLater" };
  return {
    set: { deadline: p.deadline },
    events: [event("hazard.extend", "deadline", h.deadline, p.deadline, p.reason.trim())],
  };
}

/** The rectifier reports the work done (the measures taken): it now waits for someone else's acceptance. */
export function planSubmitRectification(
  h: HazardFacts,
  p: { measuresTaken: string; userId: number; now: Date },
): Result {
  if (h.status !== "rectifying") return { error: "invalidTransition" };
  if (p.measuresTaken.trim() === "") return { error: "reasonRequired" };
  return {
    set: { status: "accepting", measuresTaken: p.measuresTaken.trim(), rectifiedBy: p.userId, rectifiedAt: p.now },
    events: [event("hazard.status", "status", h.status, "accepting", p.measuresTaken.trim())],
  };
}

/**
 * 验收. Passed: the hazard is closed (销号) with the acceptance's type, day and cost. Failed: back to
 * rectification with the reason, the count of failures kept. Never by the person who rectified it.
 */
export function planAcceptance(
  h: HazardFacts,
  p:
    | { passed: true; acceptance: Acceptance; userId: number; now: Date }
    | { passed: false; reason: string; userId: number },
): Result {
  if (h.status !== "accepting") return { error: "invalidTransition" };
  if (h.rectifiedBy !== null && h.rectifiedBy === p.userId) return { error: "ownRectification" };
  if (!p.passed) {
    if (p.reason.trim() === "") return { error: "reasonRequired" };
    return {
      set: { status: "rectifying", failedAcceptances: h.failedAcceptances + 1, rectifiedBy: null, rectifiedAt: null },
      events: [event("hazard.status", "status", h.status, "rectifying", p.reason.trim())],
    };
  }
  return {
    set: { status: "closed", acceptance: p.acceptance, closedAt: p.now },
    events: [
      event("hazard.accept", "acceptance", null, p.acceptance, p.acceptance.opinion.trim() || null),
      event("hazard.status", "status", h.status, "closed"),
    ],
  };
}

/** 挂牌督办: a major hazard, while open, under a supervising unit at a level with its own deadline. */
export function planSupervise(
  h: HazardFacts,
  p: { level: SupervisionLevel; unitId: number; deadline: string; today: string },
): Result {
  if (h.grade !== "major") return { error: "notMajor" };
  if (h.status === "closed") return { error: "invalidTransition" };
  if (p.deadline < p.today) return { error: "deadlineInPast" };
  const supervision = { level: p.level, unitId: p.unitId, deadline: p.deadline };
  return { set: { supervision }, events: [event("hazard.supervise", "supervision", h.supervision, supervision)] };
}

/** Overdue: rectification under way (or reported but not yet accepted) past its deadline. */
export function isOverdue(h: Pick<HazardFacts, "status" | "deadline">, today: string): boolean {
  return (h.status === "rectifying" || h.status === "accepting") && h.deadline !== null && h.deadline < today;
}

/**
 * 整改率 as leaders read it: of the hazards found in a period, the share closed (销号) — null when
 * none were found (no rate rather than 0% or 100%).
 */
export function rectificationRate(found: number, closed: number): number | null {
  return found === 0 ? null : Math.round((closed / found) * 1000) / 10;
}

export type InspectionFacts = { status: (typeof INSPECTION_STATUSES)[number]; hazardsFound: number };
export type InspectionPlan = {
  set: { status: "done"; doneOn: string; nothingFound: boolean };
  events: PlannedEvent[];
};

/**
 * An inspection is done once what it found is recorded: the hazards it found (at least one), or
 * in so many words that it found nothing — never both, never neither, never on a day to come.
 */
export function planInspectionDone(
  i: InspectionFacts,
  p: { nothingFound: boolean; doneOn: string; today: string },
): InspectionPlan | HazardRefusal {
  if (i.status !== "planned") return { error: "invalidTransition" };
  if (p.doneOn > p.today) return { error: "dayInFuture" };
  if (p.nothingFound && i.hazardsFound > 0) return { error: "findingsRecorded" };
  if (!p.nothingFound && i.hazardsFound === 0) return { error: "noFindings" };
  return {
    set: { status: "done", doneOn: p.doneOn, nothingFound: p.nothingFound },
    events: [
      event("inspection.done", "status", "planned", "done", null),
      ...(p.nothingFound ? [event("inspection.nothing", "nothingFound", false, true)] : []),
    ],
  };
}

/** Open hazards under one risk past which its page asks for a re-grading (a major one always does). */
export const REGRADE_AFTER_OPEN = 3;

/**
 * Many open hazards under one risk — or any open major one — say its control is failing: the risk's
 * page then prompts its officers to re-grade it. A prompt only: grading stays a person's judgement.
 */
export function suggestsRegrade(hazards: ReadonlyArray<Pick<HazardFacts, "status" | "grade">>): boolean {
  const open = hazards.filter((h) => h.status !== "closed");
  return open.length >= REGRADE_AFTER_OPEN || open.some((h) => h.grade === "major");
}

export type HazardCount = { open: number; overdue: number; major: number; supervised: number };
const ZERO: HazardCount = { open: 0, overdue: 0, major: 0, supervised: 0 };

/**
 * Open hazards counted per place (area × division where registered), rolled up to a board's
 * columns the way its risks are: `column` gives the column a division counts in, or null outside
 * the board's division. Returns each cell's count (key `area:column`) and the board's totals.
 */
export function rollUpHazards(
  tallies: ReadonlyArray<HazardCount & { areaId: number; regionId: number }>,
  column: (regionId: number) => number | null,
): { cells: Map<string, HazardCount>; totals: HazardCount } {
  const cells = new Map<string, HazardCount>();
  const totals = { ...ZERO };
  const add = (into: HazardCount, t: HazardCount) => {
    into.open += t.open;
    into.overdue += t.overdue;
    into.major += t.major;
    into.supervised += t.supervised;
  };
  for (const t of tallies) {
    const col = column(t.regionId);
    if (col === null) continue;
    const key = cellKey(t.areaId, col);
    const cell = cells.get(key) ?? { ...ZERO };
    add(cell, t);
    cells.set(key, cell);
    add(totals, t);
  }
  return { cells, totals };
}

/** A place's hazards in a week (see db/queries/hazard-period.ts). */
export type HazardWeekPlace = {
  areaId: number;
  regionId: number;
  foundWeek: number;
  closedWeek: number;
  foundTotal: number;
  closedTotal: number;
  overdueEnd: number;
};
export type HazardWeekGroup = Omit<HazardWeekPlace, "areaId" | "regionId"> & { id: number; rate: number | null };

/**
 * The week's hazards grouped (per county, per domain …): `groupOf` names a place's group, or null to
 * leave it out. 整改率 is of everything found up to the week's end, the share closed by then.
 * Groups come busiest first (most open at the end, then most found).
 */
export function groupHazardWeek(
  places: ReadonlyArray<HazardWeekPlace>,
  groupOf: (p: HazardWeekPlace) => number | null,
): HazardWeekGroup[] {
  const groups = new Map<number, HazardWeekGroup>();
  for (const p of places) {
    const id = groupOf(p);
    if (id === null) continue;
    const g = groups.get(id) ?? {
      id,
      foundWeek: 0,
      closedWeek: 0,
      foundTotal: 0,
      closedTotal: 0,
      overdueEnd: 0,
      rate: null,
    };
    g.foundWeek += p.foundWeek;
    g.closedWeek += p.closedWeek;
    g.foundTotal += p.foundTotal;
    g.closedTotal += p.closedTotal;
    g.overdueEnd += p.overdueEnd;
    groups.set(id, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, rate: rectificationRate(g.foundTotal, g.closedTotal) }))
    .sort(
      (a, b) =>
        b.foundTotal - b.closedTotal - (a.foundTotal - a.closedTotal) || b.foundWeek - a.foundWeek || a.id - b.id,
    );
}
