import { COLOURS, SEVERITY, isColour, type Colour, type RiskStatus } from "./colours";
import { zeroCounts, type Counts } from "./board";
import type { CellSummary } from "./trend";
import { addDays } from "./dates";

/**
 * 周分析: the week read off the history. Escalations and de-escalations are grade events whose
 * colour rose or fell in severity; new risks are create events; resolved ones are status changes
 * to 已化解 or 已销号. Plain event rows in, plain lists out.
 */
export type AnalysisEvent = {
  seq: number;
  at: number;
  riskId: number;
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  actorName: string;
};
export type ColourChange = {
  seq: number;
  at: number;
  riskId: number;
  from: Colour;
  to: Colour;
  reason: string | null;
  actorName: string;
};
export type WeekChanges = {
  escalations: ColourChange[];
  deescalations: ColourChange[];
  created: Array<{ seq: number; at: number; riskId: number; colour: Colour | null; actorName: string }>;
  resolved: Array<{
    seq: number;
    at: number;
    riskId: number;
    status: RiskStatus;
    reason: string | null;
    actorName: string;
  }>;
};

export function classifyWeek(events: Iterable<AnalysisEvent>): WeekChanges {
  const out: WeekChanges = { escalations: [], deescalations: [], created: [], resolved: [] };
  for (const e of events) {
    if (e.action === "grade" && isColour(e.oldValue) && isColour(e.newValue) && e.oldValue !== e.newValue) {
      const change = {
        seq: e.seq,
        at: e.at,
        riskId: e.riskId,
        from: e.oldValue,
        to: e.newValue,
        reason: e.reason,
        actorName: e.actorName,
      };
      (SEVERITY[e.newValue] > SEVERITY[e.oldValue] ? out.escalations : out.deescalations).push(change);
    } else if (e.action === "create") {
      const colour = (e.newValue as { colour?: unknown } | null)?.colour;
      out.created.push({
        seq: e.seq,
        at: e.at,
        riskId: e.riskId,
        colour: isColour(colour) ? colour : null,
        actorName: e.actorName,
      });
    } else if (e.action === "status" && (e.newValue === "resolved" || e.newValue === "closed")) {
      out.resolved.push({
        seq: e.seq,
        at: e.at,
        riskId: e.riskId,
        status: e.newValue,
        reason: e.reason,
        actorName: e.actorName,
      });
    }
  }
  return out;
}

/** Counts per colour of a group (area or region) at the week's end and the change from the week before. */
export type GroupDelta = { id: number; now: Counts; before: Counts };

/** Per-area and per-region counts at two moments, from the stored cell summaries; groups with nothing at either moment are left out. */
export function groupDeltas(
  before: ReadonlyArray<CellSummary>,
  after: ReadonlyArray<CellSummary>,
  by: "area" | "region",
): GroupDelta[] {
  const groups = new Map<number, GroupDelta>();
  const add = (cells: ReadonlyArray<CellSummary>, which: "now" | "before") => {
    for (const cell of cells) {
      const id = by === "area" ? cell[0] : cell[1];
      const g = groups.get(id) ?? { id, now: zeroCounts(), before: zeroCounts() };
      COLOURS.forEach((c, i) => (g[which][c] += cell[2 + i]));
      groups.set(id, g);
    }
  };
  add(before, "before");
  add(after, "now");
  return [...groups.values()];
}

/**
 * A review is overdue at a moment when the risk is open and its due day has passed: the due day
 * the latest grading or review set, or else (older records) that day plus the colour's cadence.
 */
export type ReviewMark = { riskId: number; at: number; day: string; colour: Colour; nextReviewDate: string | null };

export function overdueAt(
  marks: Iterable<ReviewMark>,
  endDay: string,
  reviewDays: Record<Colour, number>,
): Array<ReviewMark & { due: string }> {
  const out: Array<ReviewMark & { due: string }> = [];
  for (const m of marks) {
    const due = m.nextReviewDate ?? addDays(m.day, reviewDays[m.colour]);
    if (due < endDay) out.push({ ...m, due });
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.riskId - b.riskId);
}
