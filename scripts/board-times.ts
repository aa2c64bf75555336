/**
 * Times the board's server-side work in-process on a database (default bench/sise-50k.db):
 * the current board (one GROUP BY) and the board as of a year back (monthly checkpoint + replay),
 * cold (checkpoints to build) and warm, and the weekly trend cold (weeks to summarise) and warm. `npx tsx scripts/board-times.ts [DB]`; see docs/benchmarks.md.
 */
import { copyFileSync, rmSync } from "node:fs";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "../db/client";
import { openDatabase } from "../db/connection";
import { statesAsOf } from "../db/history/as-of";
import { weeklyTrend } from "../db/history/trend";
import { applyMigrations } from "../db/migrate";
import { listOpenCellCounts } from "../db/queries/board";
import * as schema from "../db/schema";
import { boardFromCounts, buildBoard } from "../lib/domain/board";

const source = process.argv[2] ?? "bench/sise-50k.db";
const file = "bench/board-times.db";
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
copyFileSync(source, file);
const sqlite = openDatabase(file);
applyMigrations(sqlite);
sqlite.prepare("DELETE FROM board_checkpoints").run();
sqlite.prepare("DELETE FROM board_weeks").run();
const db = drizzle(sqlite, { schema }) as Db;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f: () => unknown, n: number) =>
  Array.from({ length: n }, () => {
    const s = performance.now();
    f();
    return performance.now() - s;
  });

const yearBack = Date.now() - 365 * 86_400_000;
const [cold] = time(() => buildBoard(statesAsOf(sqlite, yearBack).values()), 1);
const warm = time(
  () => buildBoard(statesAsOf(sqlite, yearBack + Math.floor(Math.random() * 20) * 86_400_000).values()),
  15,
);
const current = time(() => boardFromCounts(listOpenCellCounts(db)), 30);
const [coldAll] = time(() => statesAsOf(sqlite, Date.now() - 86_400_000), 1);
const warmRecent = time(() => buildBoard(statesAsOf(sqlite, Date.now() - 2 * 86_400_000).values()), 15);
const present = boardFromCounts(listOpenCellCounts(db));
const [trendCold] = time(() => weeklyTrend(sqlite, { weeks: 52, timeZone: "Asia/Shanghai", present }), 1);
const trendWarm = time(
  () =>
    weeklyTrend(sqlite, {
      weeks: 52,
      timeZone: "Asia/Shanghai",
      present,
      filter: { regionId: 1 + Math.floor(Math.random() * 13) },
    }),
  15,
);
const counts = sqlite
  .prepare(
    "SELECT (SELECT count(*) FROM risks) AS risks, (SELECT count(*) FROM risk_events) AS events, (SELECT count(*) FROM board_checkpoints) AS checkpoints",
  )
  .get();
console.log(JSON.stringify(counts));
console.log(`| current board (GROUP BY area, region, colour) | ${median(current).toFixed(1)} ms median of 30 |`);
console.log(`| as of a year back, cold (builds the checkpoints up to then) | ${cold.toFixed(0)} ms once |`);
console.log(
  `| as of a year back, warm (checkpoint + up to a month of events) | ${median(warm).toFixed(1)} ms median of 15 (max ${Math.max(...warm).toFixed(1)}) |`,
);
console.log(`| as of yesterday, cold (builds the remaining checkpoints) | ${coldAll.toFixed(0)} ms once |`);
console.log(
  `| as of two days ago, warm | ${median(warmRecent).toFixed(1)} ms median of 15 (max ${Math.max(...warmRecent).toFixed(1)}) |`,
);
console.log(`| weekly trend, 52 weeks, cold (summarises every week once) | ${trendCold.toFixed(0)} ms once |`);
console.log(
  `| weekly trend, 52 weeks, warm (stored weeks + the present), one region | ${median(trendWarm).toFixed(1)} ms median of 15 (max ${Math.max(...trendWarm).toFixed(1)}) |`,
);
sqlite.close();
