import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { headSeq } from "@/db/history/append";
import { statesAsOf } from "@/db/history/as-of";
import { weekSummaries, weeklyTrend } from "@/db/history/trend";
import type { Board } from "@/lib/domain/board";
import { isOpenStatus, type Colour } from "@/lib/domain/colours";
import { addDays, dayInZone, startOfDayInZone } from "@/lib/domain/dates";
import { cellsOfBoard, sumCells, type CellSummary, type TrendPoint } from "@/lib/domain/trend";
import { isoWeekOf } from "@/lib/domain/weeks";
import {
  classifyWeek,
  groupDeltas,
  overdueAt,
  type AnalysisEvent,
  type ReviewMark,
} from "@/lib/domain/weekly-analysis";
import type { Db } from "../store";
import { risks, users, weeklyAnalyses } from "../schema";
import { memoPerConnection } from "../memo";
import type { HazardWeekGroup } from "@/lib/domain/hazards";
import type { SupervisedHazard } from "./hazard-period";
import { rawRows } from "../raw";
import { jsonText } from "../sql-fragments";
import { reportingStandings } from "./reports";

type Json = string | null;
const parse = (v: Json): unknown => (v === null ? null : JSON.parse(v));

/**
 * 周分析 for the ISO week starting `monday`: everything read from the history as it stood at the
 * week's end (or now, for the week in progress) — so a past week's analysis never changes.
 */
export async function assembleWeeklyAnalysis(
  db: Db,
  p: {
    monday: string;
    timeZone: string;
    nowMs: number;
    present: Board;
    reviewDays: Record<Colour, number>;
    cutoff: string;
    rowLimit?: number;
    /**
     * One division's analysis (a county's): only the risks registered in `within` (the division and
     * everything below it), its divisions grouped by `columnOf` (本级 and its children, as on its
     * board), and the daily reports of `unitIds`. Without it, the city's.
     */
    region?: {
      within: ReadonlySet<number>;
      columnOf: (regionId: number) => number | null;
      unitIds: ReadonlySet<number>;
    };
  },
) {
  const startMs = startOfDayInZone(p.monday, p.timeZone);
  const endDay = addDays(p.monday, 7);
  const complete = startOfDayInZone(endDay, p.timeZone) <= p.nowMs;
  const endMs = complete ? startOfDayInZone(endDay, p.timeZone) : p.nowMs;
  const week = { ...isoWeekOf(p.monday), sunday: addDays(p.monday, 6), startMs, endMs, complete };

  // A week ended more than a minute ago can no longer change (app events are stamped with the
  // current time, never back-dated), so its heavy part is remembered; the week in progress is
  // remembered while the history's head and the day stay the same. Per review cadence.
  const memo = remembered(db);
  const settled = complete && endMs <= p.nowMs - 60_000;
  const head = settled ? "" : String(await headSeq(db));
  const key = `${p.monday}|${head}|${settled ? "" : dayInZone(new Date(p.nowMs), p.timeZone)}|${JSON.stringify(p.reviewDays)}`;
  let fromHistory = memo.get(key);
  if (!fromHistory) memo.set(key, (fromHistory = await readWeek(db, { ...p, startMs, endMs, complete })));
  const { region } = p;
  const here = (riskId: number) => !region || region.within.has(fromHistory.regionOf.get(riskId) ?? -1);
  const cellsHere = (cells: CellSummary[]) =>
    region
      ? cells.flatMap((c): CellSummary[] => {
          const col = region.columnOf(c[1]);
          return col === null ? [] : [[c[0], col, c[2], c[3], c[4], c[5]]];
        })
      : cells;
  const changes = {
    escalations: fromHistory.changes.escalations.filter((c) => here(c.riskId)),
    deescalations: fromHistory.changes.deescalations.filter((c) => here(c.riskId)),
    created: fromHistory.changes.created.filter((c) => here(c.riskId)),
    resolved: fromHistory.changes.resolved.filter((c) => here(c.riskId)),
  };
  const overdue = fromHistory.overdue.filter((o) => here(o.riskId));
  const awaitingAck = fromHistory.awaitingAck.filter((a) => here(a.riskId));
  const [before, after] = [cellsHere(fromHistory.before), cellsHere(fromHistory.after)];
  const counts = region ? { before: sumCells(before), now: sumCells(after) } : fromHistory.counts;
  const areas = region ? groupDeltas(before, after, "area") : fromHistory.areas;
  const regions = region ? groupDeltas(before, after, "region") : fromHistory.regions;
  const trend = region
    ? await weeklyTrend(db, {
        weeks: 13,
        timeZone: p.timeZone,
        nowMs: complete ? endMs : p.nowMs,
        present: complete ? undefined : p.present,
        filter: { regionIds: region.within },
      })
    : fromHistory.trend;

  const lastDay = complete ? week.sunday : dayInZone(new Date(p.nowMs), p.timeZone);
  const standings = await reportingStandings(db, {
    from: p.monday,
    to: lastDay,
    nowMs: p.nowMs,
    cutoff: p.cutoff,
    timeZone: p.timeZone,
  });
  const reporting = [...standings]
    .filter(([unitId]) => !region || region.unitIds.has(unitId))
    .flatMap(([unitId, days]) => {
      const missing = [...days].filter(([, d]) => d.standing === "missing").map(([day]) => day);
      const late = [...days].filter(([, d]) => d.standing === "late").map(([day]) => day);
      return missing.length || late.length ? [{ unitId, missing, late }] : [];
    })
    .sort((a, b) => b.missing.length - a.missing.length || b.late.length - a.late.length || a.unitId - b.unitId);

  // Only the risks of the rows that will be shown (a busy week on a large register lists thousands).
  const shown = <T>(xs: T[]) => xs.slice(0, p.rowLimit ?? xs.length);
  const ids = [
    ...new Set(
      [changes.escalations, changes.deescalations, changes.created, changes.resolved, overdue, awaitingAck]
        .flatMap((xs: Array<{ riskId: number }>) => shown(xs))
        .map((x) => x.riskId),
    ),
  ];
  // Names as they are now (a title may have changed since). Many ids: one pass over the table beats a huge IN list.
  const columns = {
    id: risks.id,
    code: risks.code,
    title: risks.title,
    areaId: risks.areaId,
    regionId: risks.regionId,
    unitId: risks.responsibleUnitId,
  };
  const rows =
    ids.length === 0
      ? []
      : ids.length > 2000
        ? await db.select(columns).from(risks)
        : await db.select(columns).from(risks).where(inArray(risks.id, ids));
  const riskInfo = new Map(rows.map((r) => [r.id, r]));
  return {
    week,
    changes,
    riskInfo,
    overdue,
    awaitingAck,
    reporting,
    trend,
    counts,
    areas,
    regions,
    // The office's conclusions are the city's: a division's analysis has none of its own yet.
    conclusions: region ? null : await getConclusions(db, p.monday),
  };
}

type FromHistory = Awaited<ReturnType<typeof readWeek>>;
/**
 * The weeks' heavy parts, remembered up to about 64 MB per database (a dozen of the busiest weeks of
 * the 1,000,000-event benchmark, each ~35,000 rows): a busy week on a large register
 * lists tens of thousands of changes and overdue reviews, a quiet one a handful; the estimate counts
 * them (about 200 bytes a row) with the fixed part (trend, per-area and per-region counts).
 */
const remembered = memoPerConnection<string, FromHistory>({
  maxBytes: 64 * 1024 * 1024,
  sizeOf: (w) => {
    const changes = [w.changes.escalations, w.changes.deescalations, w.changes.created, w.changes.resolved].flat();
    // Reasons are free text (up to 2,000 characters, two bytes each): counted, not guessed.
    const text = changes.reduce((n, c) => n + 2 * (("reason" in c && c.reason?.length) || 0), 0);
    return (
      200 *
        (changes.length +
          w.overdue.length +
          w.awaitingAck.length +
          w.areas.length +
          w.regions.length +
          w.trend.length +
          w.before.length +
          w.after.length) +
      16 * w.regionOf.size +
      text +
      4096
    );
  },
});

/** Everything the analysis reads from the risk history, as it stood at `endMs`. */
async function readWeek(
  db: Db,
  p: {
    monday: string;
    timeZone: string;
    nowMs: number;
    present: Board;
    reviewDays: Record<Colour, number>;
    startMs: number;
    endMs: number;
    complete: boolean;
  },
) {
  const { startMs, endMs, complete } = p;
  const rows = await rawRows<[number, number, number, string, string | null, Json, Json, string | null, string]>(
    db,
    sql`SELECT seq, at, risk_id, action, field, old_value, new_value, reason, actor_name FROM risk_events
      WHERE at >= ${startMs} AND at < ${endMs} AND risk_id IS NOT NULL AND action IN ('create', 'grade', 'status')
      ORDER BY at, seq`,
  );
  const changes = classifyWeek(
    rows.map(([seq, at, riskId, action, field, o, n, reason, actorName]): AnalysisEvent => ({
      seq,
      at,
      riskId,
      action,
      field,
      oldValue: parse(o),
      newValue: parse(n),
      reason,
      actorName,
    })),
  );

  // The board at the week's start and end, per cell: counts per colour, per area and per region.
  const summaries = await weekSummaries(db, complete ? [startMs, endMs] : [startMs], p.nowMs);
  const before = summaries.get(startMs)!;
  const after: CellSummary[] = complete ? summaries.get(endMs)! : cellsOfBoard(p.present);
  const states = await statesAsOf(db, endMs, p.nowMs);

  const marks: ReviewMark[] = [];
  // Each open risk's last review-setting event before the week's end, and the next review day it
  // set — picked out of the JSON by the database (the whole 'create' value is not read into JS for it).
  const d = db.dialect;
  const reviewRows = await rawRows<[number, number, unknown]>(
    db,
    sql`SELECT risk_id, at, CASE action WHEN 'review' THEN ${jsonText(d, "new_value")}
        WHEN 'create' THEN ${jsonText(d, "new_value", "nextReviewDate")} ELSE ${jsonText(d, "data", "nextReviewDate", "to")} END
      FROM risk_events WHERE seq IN (
        SELECT max(seq) FROM risk_events WHERE risk_id IS NOT NULL AND action IN ('create', 'grade', 'review') AND at < ${endMs}
        GROUP BY risk_id)`,
  );
  for (const [riskId, at, next] of reviewRows) {
    const s = states.get(riskId);
    if (!s || !isOpenStatus(s.status)) continue;
    marks.push({
      riskId,
      at,
      day: dayInZone(new Date(at), p.timeZone),
      colour: s.colour,
      nextReviewDate: typeof next === "string" ? next : null,
    });
  }
  const overdue = overdueAt(marks, dayInZone(new Date(endMs), p.timeZone), p.reviewDays);

  // A red waits for a leader from the event that made it red until an acknowledgement.
  // (The condition is the partial index's, word for word: db/schema, risk_events_red_idx.)
  const ackRows = await rawRows<[number, string, number]>(
    db,
    sql`SELECT risk_id, action, at FROM risk_events WHERE seq IN (
        SELECT max(seq) FROM risk_events WHERE at < ${endMs} AND risk_id IS NOT NULL AND (action = 'acknowledge'
          OR (action = 'grade' AND new_value = '"red"') OR (action = 'create' AND ${jsonText(d, "new_value", "colour")} = 'red'))
        GROUP BY risk_id)`,
  );
  const awaitingAck = ackRows
    .filter(
      ([riskId, action]) =>
        action !== "acknowledge" && states.get(riskId)?.colour === "red" && isOpenStatus(states.get(riskId)!.status),
    )
    .map(([riskId, , at]) => ({ riskId, raisedAt: at }))
    .sort((a, b) => a.raisedAt - b.raisedAt);

  const trend: TrendPoint[] = await weeklyTrend(db, {
    weeks: 13,
    timeZone: p.timeZone,
    nowMs: complete ? endMs : p.nowMs,
    present: complete ? undefined : p.present,
  });
  // Where each listed risk was registered at the week's end, for a division's analysis (filtered after memo).
  const regionOf = new Map<number, number>();
  for (const x of [changes.escalations, changes.deescalations, changes.created, changes.resolved, overdue, awaitingAck])
    for (const { riskId } of x as Array<{ riskId: number }>) {
      const at = states.get(riskId)?.regionId;
      if (at !== undefined) regionOf.set(riskId, at);
    }
  return {
    changes,
    overdue,
    awaitingAck,
    trend,
    before,
    after,
    regionOf,
    counts: { before: sumCells(before), now: sumCells(after) },
    areas: groupDeltas(before, after, "area"),
    regions: groupDeltas(before, after, "region"),
  };
}
export type WeeklyAnalysis = Awaited<ReturnType<typeof assembleWeeklyAnalysis>> & {
  /** The week's hazards (lib/analysis/load.ts), when loaded. */
  hazards?: {
    byRegion: HazardWeekGroup[];
    byArea: HazardWeekGroup[];
    supervised: SupervisedHazard[];
  };
};

export async function getConclusions(db: Db, monday: string) {
  return (
    (
      await db
        .select({
          text: weeklyAnalyses.conclusions,
          version: weeklyAnalyses.version,
          updatedAt: weeklyAnalyses.updatedAt,
          by: users.displayName,
        })
        .from(weeklyAnalyses)
        .innerJoin(users, eq(users.id, weeklyAnalyses.updatedBy))
        .where(eq(weeklyAnalyses.weekStart, monday))
        .limit(1)
    )[0] ?? null
  );
}
