/**
 * Heavy views at 1,000,000 events (issue 16): `npm run bench:heavy` (part of `npm run bench`).
 * On a copy of bench/sise-50k.db with nothing derived yet (no monthly checkpoints, no stored week
 * boards — a fresh history), against Sise's production server:
 * 1. the first "changes since a month back" board: its time;
 * 2. the first view of each of 20 different past weeks' analysis, one after another: each one's
 *    time and how much the server grew, and the server's resident memory after all 20;
 * 3. /analysis of one week under 10 connections against /ping, in alternating rounds (ratio of
 *    req/s in the same round, median over rounds).
 * Times are the server's answer as seen on loopback (the request's whole time; no network).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { openDb } from "../db/open";
import { clearDerivedViews } from "../db/mutations/settings";
import { openDatabase } from "../db/sqlite/connection";
import { weekStartsBetween } from "../db/history/derive";
import { applyMigrations } from "../db/migrate";
import { addDays, dayInZone, mondayOf } from "../lib/domain/dates";
import { isoWeekOf } from "../lib/domain/weeks";
import { startSiseServer, waitForServer } from "./bench-server";
import { benchSessionCookie } from "./bench-session";

const SOURCE = process.env.BENCH_DB ?? "bench/sise-50k.db";
const PORT = Number(process.env.BENCH_PORT ?? 3210);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BASE = `http://127.0.0.1:${PORT}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
}

async function timed(path: string, cookie: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const r = await fetch(`${BASE}${path}`, { headers: { cookie } });
  await r.arrayBuffer();
  return { ms: performance.now() - t0, status: r.status };
}

async function load(path: string, cookie: string) {
  const r = await autocannon({ url: `${BASE}${path}`, connections: 10, duration: SECONDS, headers: { cookie } });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts };
}

/** Waits until every past week's board is stored (the derivation's last rows), reading the database file. */
async function derivationDone(
  file: string,
  since: number,
): Promise<{ months: number; weeks: number; afterMs: number }> {
  const reader = openDatabase(file, { readonly: true });
  try {
    const first = (reader.prepare("SELECT min(at) AS at FROM risk_events").get() as { at: number }).at;
    const expected = weekStartsBetween(first - 1, Date.now() - 60_000, "Asia/Shanghai").length;
    for (;;) {
      const { weeks, months } = reader
        .prepare(
          "SELECT (SELECT count(*) FROM board_weeks) AS weeks, (SELECT count(*) FROM board_checkpoints) AS months",
        )
        .get() as { weeks: number; months: number };
      if (weeks >= expected) return { weeks, months, afterMs: Date.now() - since };
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    reader.close();
  }
}

async function main() {
  if (!existsSync(SOURCE))
    throw new Error(`${SOURCE} missing: npm run db:generate-load -- --db ${SOURCE} --risks 50000 --events 1000000`);
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: npx next build");
  const dir = mkdtempSync(join(tmpdir(), "sise-heavy-"));
  const db = join(dir, "sise.db");
  copyFileSync(SOURCE, db);
  const setup = openDb(db);
  await applyMigrations(setup);
  // A fresh history: nothing derived from it yet.
  await clearDerivedViews(setup);
  const cookie = await benchSessionCookie(setup);
  await setup.close();
  const counter = openDatabase(db, { readonly: true });
  const counts = counter
    .prepare("SELECT (SELECT count(*) FROM risks) AS risks, (SELECT count(*) FROM risk_events) AS events")
    .get();
  counter.close();

  const serverStarted = Date.now();
  const server = startSiseServer({ port: PORT, db, env: { SISE_CHECKPOINT_MINUTES: "0" } });
  try {
    await waitForServer(PORT);
    for (let i = 0; i < 20; i++) await timed("/ping", cookie);
    await timed("/risks", cookie); // the layout and session paths warm, no history view yet
    const pid = server.pid!;
    const started = rssMb(pid);

    // While the server derives the checkpoints and week boards in the background (it starts 2 s
    // after the server): the first board since a month back, and the first view of last week.
    const monthBack = dayInZone(new Date(Date.now() - 30 * 86_400_000), "Asia/Shanghai");
    const since = await timed(`/board?since=${monthBack}`, cookie);
    const afterSince = rssMb(pid);
    const thisMonday = mondayOf(dayInZone(new Date(), "Asia/Shanghai"));
    const lastWeek = isoWeekOf(addDays(thisMonday, -7)).label;
    const during = await timed(`/analysis?week=${lastWeek}`, cookie);
    const derived = await derivationDone(db, serverStarted);

    // Then 20 other weeks, each for the first time.
    const weeks = Array.from({ length: 20 }, (_, i) => isoWeekOf(addDays(thisMonday, -7 * (i + 2))).label);
    const views: Array<{ week: string; ms: number; grew: number; rss: number; status: number }> = [];
    for (const week of weeks) {
      const before = rssMb(pid);
      const { ms, status } = await timed(`/analysis?week=${week}`, cookie);
      const rss = rssMb(pid);
      views.push({ week, ms, grew: rss - before, rss, status });
    }
    const again = await timed(`/analysis?week=${weeks.at(-1)}`, cookie);

    const page = `/analysis?week=${weeks[0]}`;
    for (let i = 0; i < 20; i++) await timed(page, cookie);
    const rounds: Array<{ ping: Awaited<ReturnType<typeof load>>; analysis: Awaited<ReturnType<typeof load>> }> = [];
    for (let r = 0; r < ROUNDS; r++)
      rounds.push({ ping: await load("/ping", cookie), analysis: await load(page, cookie) });
    const finalRss = rssMb(pid);

    const f = (n: number) => Math.round(n).toLocaleString("en");
    console.log(`\n### Heavy views — ${new Date().toISOString()}\n`);
    console.log(
      `Database: a copy of ${SOURCE} (${JSON.stringify(counts)}) with no monthly checkpoints or stored weeks (a fresh history).\n`,
    );
    console.log(`Server resident after warm-up: ${f(started)} MB.\n`);
    console.log(`| view | time ms | server grew MB | status |`);
    console.log(`|---|---|---|---|`);
    console.log(
      `| first board since a month back (\`/board?since=${monthBack}\`), while deriving | ${f(since.ms)} | ${f(afterSince - started)} | ${since.status} |`,
    );
    console.log(
      `| first view of /analysis?week=${lastWeek}, while deriving | ${f(during.ms)} | — | ${during.status} |`,
    );
    console.log(
      `| (the background derivation: ${derived.months} monthly checkpoints and ${derived.weeks} weeks, done ${f(derived.afterMs / 1000)} s after the server started) | | | |`,
    );
    for (const v of views)
      console.log(`| first view of /analysis?week=${v.week} | ${f(v.ms)} | ${f(v.grew)} | ${v.status} |`);
    console.log(`| ${weeks.at(-1)} again (remembered) | ${f(again.ms)} | — | ${again.status} |`);
    const first = views.map((v) => v.ms);
    console.log(
      `\nFirst views of 20 weeks: median ${f(median(first))} ms, slowest ${f(Math.max(...first))} ms; largest growth ${f(Math.max(...views.map((v) => v.grew)))} MB; resident after 20 weeks ${f(views.at(-1)!.rss)} MB, after the load rounds ${f(finalRss)} MB.\n`,
    );
    console.log(`| round | /ping req/s | ${page} req/s | ratio | analysis p50 ms | p99 ms | errors |`);
    console.log(`|---|---|---|---|---|---|---|`);
    rounds.forEach((r, i) =>
      console.log(
        `| ${i + 1} | ${f(r.ping.rps)} | ${f(r.analysis.rps)} | ${((r.analysis.rps / r.ping.rps) * 100).toFixed(0)}% | ${r.analysis.p50} | ${r.analysis.p99} | ${r.ping.errors + r.analysis.errors} |`,
      ),
    );
    console.log(
      `\nMedian ratio /analysis to /ping: ${(median(rounds.map((r) => r.analysis.rps / r.ping.rps)) * 100).toFixed(0)}%.`,
    );
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
