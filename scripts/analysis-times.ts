/**
 * Times the weekly analysis in-process on a large database (default bench/sise-50k.db, copied
 * first): last week's analysis cold (week summaries and checkpoints to build) and warm, and the
 * week in progress. `node --conditions=react-server --import tsx scripts/analysis-times.ts [DB]`.
 */
import { copyFileSync, rmSync } from "node:fs";
import { statesAsOf } from "../db/history/as-of";
import { applyMigrations } from "../db/migrate";
import { openDb } from "../db/open";
import { countEvents } from "../db/queries/history";
import { assembleWeeklyAnalysis } from "../db/queries/weekly-analysis";
import { buildBoard } from "../lib/domain/board";
import { addDays, dayInZone, mondayOf } from "../lib/domain/dates";
import { DEFAULT_REVIEW_DAYS } from "../lib/domain/review";

// A function, not top-level await: tsx runs these files as CommonJS.
async function main() {
  const source = process.argv[2] ?? "bench/sise-50k.db";
  const file = "bench/analysis-times.db";
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  copyFileSync(source, file);
  const db = openDb(file);
  await applyMigrations(db);
  const nowMs = Date.now();
  const present = buildBoard((await statesAsOf(db, nowMs, nowMs)).values());
  const thisMonday = mondayOf(dayInZone(new Date(nowMs)));
  const run = async (monday: string) => {
    const s = performance.now();
    const a = await assembleWeeklyAnalysis(db, {
      monday,
      timeZone: "Asia/Shanghai",
      nowMs,
      present,
      reviewDays: DEFAULT_REVIEW_DAYS,
      cutoff: "17:00",
    });
    return {
      ms: Math.round(performance.now() - s),
      escalations: a.changes.escalations.length,
      overdue: a.overdue.length,
    };
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const cold = await run(addDays(thisMonday, -7));
  const times = async (monday: string) => {
    const out: number[] = [];
    for (let i = 0; i < 5; i++) out.push((await run(monday)).ms);
    return out;
  };
  const warm = median(await times(addDays(thisMonday, -7)));
  const current = median(await times(thisMonday));
  const events = await countEvents(db);
  console.log(JSON.stringify({ events, lastWeekCold: cold, lastWeekWarmMedianMs: warm, currentWeekMedianMs: current }));
  await db.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
