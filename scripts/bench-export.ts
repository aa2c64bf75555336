/**
 * Export benchmark: `npm run bench:export` (see docs/benchmarks.md). On the bench database (50,000
 * risks, 1,000,000 events), against `next start`:
 * 1. other users' latency alone: autocannon on a page for SECONDS (the baseline p99);
 * 2. the full history as CSV while the same load runs: time to first byte, rows/s, bytes, and the
 *    server's peak resident memory above its level before the export (sampled from /proc every 50 ms);
 * 3. the page's p99 during the export, against the baseline.
 */
import { existsSync, readFileSync } from "node:fs";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { startOfDayInZone } from "../lib/domain/dates";
import { openDb } from "../db/open";
import { openDatabase } from "../db/sqlite/connection";
import { applyMigrations } from "../db/migrate";
import { startSiseServer, waitForServer } from "./bench-server";
import { benchSessionCookie } from "./bench-session";

const DB = process.env.BENCH_DB ?? "bench/sise-50k.db";
const PORT = Number(process.env.BENCH_PORT ?? 3201);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const OTHER = process.env.BENCH_OTHER ?? "/risks?region=4&colour=orange";

const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

async function main() {
  if (!existsSync(DB)) throw new Error(`${DB} missing: run npm run bench:register first (it generates it)`);
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run npx next build");
  const store = openDb(DB);
  await applyMigrations(store);
  const cookie = await benchSessionCookie(store);
  await store.close();
  const writable = openDatabase(DB, { readonly: true });
  const events = writable.prepare("SELECT count(*) FROM risk_events").pluck().get() as number;
  // XLSX at ~200,000 rows: the history from the day of the 200,000th newest event on.
  const at = writable
    .prepare("SELECT at FROM risk_events ORDER BY at DESC LIMIT 1 OFFSET 199999")
    .pluck()
    .get() as number;
  const xlsxFrom = new Date(at).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
  writable.close();
  // node directly (not npx), so the pid is the server's own and /proc gives its memory.
  const server = startSiseServer({ port: PORT, db: DB });
  try {
    await waitForServer(PORT);
    const headers = { cookie, "sec-fetch-site": "same-origin" };
    for (let i = 0; i < 30; i++) await fetch(`http://127.0.0.1:${PORT}${OTHER}`, { headers });
    const load = () =>
      autocannon({ url: `http://127.0.0.1:${PORT}${OTHER}`, connections: 4, duration: SECONDS, headers: { cookie } });
    const alone = await load();

    const before = rss(server.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss(server.pid!))), 50);
    const during = load();
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${PORT}/api/exports/history`, { headers });
    const reader = res.body!.getReader();
    let first = 0;
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!first) first = performance.now() - started;
      bytes += value.byteLength;
      // indexOf, not a loop over 400 million bytes: the client must not be what is measured.
      for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const withExport = await during;
    console.log(`\n### History export (CSV) — ${new Date().toISOString()}\n`);
    console.log(`Database: ${DB} (${events} events); other load: ${OTHER}, 4 connections, ${SECONDS} s.\n`);
    console.log("| measure | result |");
    console.log("|---|---|");
    console.log(`| status | ${res.status} |`);
    console.log(`| time to first byte | ${first.toFixed(0)} ms |`);
    console.log(
      `| whole export | ${seconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(0)} MB, ${lines} lines (${Math.round(lines / seconds)} rows/s) |`,
    );
    console.log(
      `| server memory | ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB) |`,
    );
    console.log(
      `| other requests alone | p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms, ${alone.requests.average} req/s |`,
    );
    console.log(
      `| other requests during the export | p50 ${withExport.latency.p50} ms, p99 ${withExport.latency.p99} ms, ${withExport.requests.average} req/s, errors ${withExport.errors + withExport.non2xx} |`,
    );
    // XLSX, alone: time and the server's peak memory above its level before.
    const xBefore = rss(server.pid!);
    let xPeak = xBefore;
    const xSampler = setInterval(() => (xPeak = Math.max(xPeak, rss(server.pid!))), 50);
    const xStarted = performance.now();
    const xlsx = await fetch(`http://127.0.0.1:${PORT}/api/exports/history?format=xlsx&from=${xlsxFrom}`, { headers });
    const xBytes = (await xlsx.arrayBuffer()).byteLength;
    const xSeconds = (performance.now() - xStarted) / 1000;
    clearInterval(xSampler);
    const xRows = new Database(DB, { readonly: true })
      .prepare("SELECT count(*) FROM risk_events WHERE at >= ?")
      .pluck()
      .get(startOfDayInZone(xlsxFrom, "Asia/Shanghai")) as number;
    console.log(
      `| XLSX, history from ${xlsxFrom} (${xRows} rows) | ${xlsx.status}, ${xSeconds.toFixed(1)} s, ${(xBytes / 1e6).toFixed(0)} MB, ${Math.round(xRows / xSeconds)} rows/s; server memory ${xBefore.toFixed(0)} → peak ${xPeak.toFixed(0)} MB (+${(xPeak - xBefore).toFixed(0)} MB) |`,
    );
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
