/**
 * Times the weekly analysis in-process on a large database (default bench/sise-50k.db, copied
 * first): last week's analysis cold (week summaries and checkpoints to build) and warm, and the
 * week in progress. `node --conditions=react-server --import tsx scripts/analysis-times.ts [DB]`.
 */
import { copyFileSync, rmSync } from "node:fs";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "../db/client";
import { openDatabase } from "../db/connection";
import { statesAsOf } from "../db/history/as-of";
import { applyMigrations } from "../db/migrate";
import { assembleWeeklyAnalysis } from "../db/queries/weekly-analysis";
import * as schema from "../db/schema";
import { buildBoard } from "../lib/domain/board";
import { addDays, dayInZone, mondayOf } from "../lib/domain/dates";
import { DEFAULT_REVIEW_DAYS } from "../lib/domain/review";

const source = process.argv[2] ?? "bench/sise-50k.db";
const file = "bench/analysis-times.db";
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
copyFileSync(source, file);
const sqlite = openDatabase(file);
applyMigrations(sqlite);
const db = drizzle(sqlite, { schema }) as Db;
const nowMs = Date.now();
const present = buildBoard(statesAsOf(sqlite, nowMs, nowMs).values());
const thisMonday = mondayOf(dayInZone(new Date(nowMs)));
const run = (monday: string) => {
  const s = performance.now();
  const a = assembleWeeklyAnalysis(db, {
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
const cold = run(addDays(thisMonday, -7));
const warm = median(Array.from({ length: 5 }, () => run(addDays(thisMonday, -7)).ms));
const current = median(Array.from({ length: 5 }, () => run(thisMonday).ms));
const events = (sqlite.prepare("SELECT count(*) AS n FROM risk_events").get() as { n: number }).n;
console.log(JSON.stringify({ events, lastWeekCold: cold, lastWeekWarmMedianMs: warm, currentWeekMedianMs: current }));
sqlite.close();
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
