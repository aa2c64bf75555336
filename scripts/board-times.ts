/**
 * Times the board's server-side work in-process on a database (default bench/sise-50k.db):
 * the current board (one GROUP BY) and the board as of a year back (monthly checkpoint + replay),
 * cold (checkpoints to build) and warm, and the weekly trend cold (weeks to summarise) and warm. `npx tsx scripts/board-times.ts [DB]`; see docs/benchmarks.md.
 */
import { copyFileSync, rmSync } from "node:fs";
import { statesAsOf } from "../db/history/as-of";
import { weeklyTrend } from "../db/history/trend";
import { applyMigrations } from "../db/migrate";
import { clearDerivedViews } from "../db/mutations/settings";
import { openDb } from "../db/open";
import { listOpenCellCounts } from "../db/queries/board";
import { openDatabase } from "../db/sqlite/connection";
import { boardFromCounts, buildBoard } from "../lib/domain/board";

// A function, not top-level await: tsx runs these files as CommonJS.
async function main() {
  const source = process.argv[2] ?? "bench/sise-50k.db";
  const file = "bench/board-times.db";
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  copyFileSync(source, file);
  const db = openDb(file);
  await applyMigrations(db);
  await clearDerivedViews(db);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  /** Runs `f` n times, one after another; each run's milliseconds. */
  const time = async (f: () => Promise<unknown>, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await f();
      out.push(performance.now() - s);
    }
    return out;
  };

  const yearBack = Date.now() - 365 * 86_400_000;
  const [cold] = await time(async () => buildBoard((await statesAsOf(db, yearBack)).values()), 1);
  const warm = await time(
    async () => buildBoard((await statesAsOf(db, yearBack + Math.floor(Math.random() * 20) * 86_400_000)).values()),
    15,
  );
  const current = await time(async () => boardFromCounts(await listOpenCellCounts(db)), 30);
  const [coldAll] = await time(() => statesAsOf(db, Date.now() - 86_400_000), 1);
  const warmRecent = await time(
    async () => buildBoard((await statesAsOf(db, Date.now() - 2 * 86_400_000)).values()),
    15,
  );
  const present = boardFromCounts(await listOpenCellCounts(db));
  const [trendCold] = await time(() => weeklyTrend(db, { weeks: 52, timeZone: "Asia/Shanghai", present }), 1);
  const trendWarm = await time(
    () =>
      weeklyTrend(db, {
        weeks: 52,
        timeZone: "Asia/Shanghai",
        present,
        filter: { regionId: 1 + Math.floor(Math.random() * 13) },
      }),
    15,
  );
  const counter = openDatabase(file, { readonly: true });
  const counts = counter
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
  counter.close();
  await db.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
