/**
 * `npm run bench:stores` (part of `npm run bench` when a PostgreSQL server is given): the main pages
 * on both stores side by side, in one run, on the same data (issue 20).
 * - SQLite: bench/sise-50k.db (50,000 risks, 1.09 million events; made by the register benchmark).
 * - PostgreSQL: the same city copied there once with `npm run db:copy` (BENCH_PG_URL, by default the
 *   database sise_bench on SISE_TEST_PG_URL's server; about three minutes the first time).
 * Three set-ups take turns in every round: one instance on SQLite, one on PostgreSQL, and two on
 * PostgreSQL behind nginx. Each page is reported as a ratio to /ping on the same set-up, measured in
 * the same round (median over rounds), with p50/p99 — so the stores are compared by what they cost
 * a page, not by this noisy machine's mood. All servers run on this machine's cores, the database
 * server too: two instances share the same two cores, so they show the cost of the extra hop and
 * of sharing, not the gain of a second machine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { withDatabase } from "../db/pg/backup";
import { freePort, Instance } from "../tests/e2e/instance";
import { startNginx } from "../tests/e2e/pg/nginx";
import { benchPages } from "./bench-pages";

const SQLITE = process.env.BENCH_DB ?? "bench/sise-50k.db";
const PG_BASE = process.env.BENCH_PG_URL ?? process.env.SISE_TEST_PG_URL ?? process.env.DATABASE_URL;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tsx = ["--conditions=react-server", "--import", "tsx"];

function run(args: string[]) {
  const r = spawnSync(process.execPath, [...tsx, ...args], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed`);
  return r.stdout;
}

async function pgCounts(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ risks: string; events: string; head: string }>(
      "SELECT (SELECT count(*) FROM risks) AS risks, (SELECT count(*) FROM risk_events) AS events, (SELECT hash FROM risk_events ORDER BY seq DESC LIMIT 1) AS head",
    );
    return rows[0];
  } finally {
    await c.end();
  }
}

/** The PostgreSQL copy of the bench city: made with db:copy the first time, checked against the file every time. */
async function pgCopy(sqliteCounts: { risks: number; events: number; head: string }) {
  if (!PG_BASE) throw new Error("BENCH_PG_URL (or SISE_TEST_PG_URL) must name a PostgreSQL server");
  const url = process.env.BENCH_PG_URL ?? withDatabase(PG_BASE, "sise_bench");
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const counts = exists ? await pgCounts(url).catch(() => undefined) : undefined;
  if (!counts || Number(counts.events) === 0) {
    console.error(`[bench] copying ${SQLITE} to ${name} (db:copy; a few minutes, once)`);
    run(["scripts/db-copy.ts", "--from", SQLITE, "--to", url]);
  }
  const now = await pgCounts(url);
  if (Number(now.risks) !== sqliteCounts.risks || now.head !== sqliteCounts.head)
    throw new Error(`${name} is not a copy of ${SQLITE}: drop it and run again`);
  return url;
}

type Result = { rps: number; p50: number; p99: number; errors: number };
async function load(url: string, cookie: string): Promise<Result> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts };
}

async function main() {
  // The file first: brought to this release (and given the benchmark's user), then read for what the pages need.
  const sqliteCookie = run(["scripts/bench-cookie.ts", "--db", SQLITE]);
  const file = new Database(SQLITE, { readonly: true });
  const sqliteCounts = file
    .prepare(
      "SELECT (SELECT count(*) FROM risks) AS risks, (SELECT count(*) FROM risk_events) AS events, (SELECT hash FROM risk_events ORDER BY seq DESC LIMIT 1) AS head",
    )
    .get() as { risks: number; events: number; head: string };
  const busy = file
    .prepare(
      "SELECT r.code FROM risks r JOIN (SELECT risk_id, count(*) AS n FROM risk_events WHERE risk_id IS NOT NULL GROUP BY risk_id ORDER BY n DESC LIMIT 1) e ON e.risk_id = r.id",
    )
    .pluck()
    .get() as string;
  file.close();
  const pgUrl = await pgCopy(sqliteCounts);
  const pages = Object.fromEntries(
    Object.entries(benchPages()).map(([k, v]) => [k, v.replace("RISK_CODE", busy)] as const),
  );
  const cookies = { sqlite: sqliteCookie, pg: run(["scripts/bench-cookie.ts", "--db", pgUrl]) };

  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npx next build` first");
  const env = { NEXT_TELEMETRY_DISABLED: "1", SISE_CHECKPOINT_MINUTES: "0" };
  const dataDir = resolve("bench/stores-data");
  mkdirSync(dataDir, { recursive: true });
  const pgEnv = { ...env, SISE_DATA_DIR: dataDir, SISE_TRUSTED_PROXIES: "1" };
  const one = new Instance(await freePort(), SQLITE, env);
  const pgOne = new Instance(await freePort(), pgUrl, pgEnv);
  const pgTwo = [new Instance(await freePort(), pgUrl, pgEnv), new Instance(await freePort(), pgUrl, pgEnv)];
  const all = [one, pgOne, ...pgTwo];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  try {
    for (const i of all) await i.start();
    nginx = await startNginx({
      dir: "bench/stores-nginx",
      port: await freePort(),
      upstreams: pgTwo.map((i) => i.port),
    });
    const setups = [
      { name: "SQLite, 1 instance", url: one.url, cookie: cookies.sqlite },
      { name: "PostgreSQL, 1 instance", url: pgOne.url, cookie: cookies.pg },
      { name: "PostgreSQL, 2 instances + nginx", url: nginx.url, cookie: cookies.pg },
    ];
    const routes = { "/ping": "/ping", ...pages };
    // Warm every route on every set-up (both instances behind nginx), so no round pays a first render.
    for (const s of setups)
      for (const path of Object.values(routes))
        for (let i = 0; i < 30; i++) await (await fetch(`${s.url}${path}`, { headers: { cookie: s.cookie } })).text();
    const rounds: Array<Record<string, Record<string, Result>>> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r: Record<string, Record<string, Result>> = {};
      for (const s of setups) {
        r[s.name] = {};
        for (const [name, path] of Object.entries(routes)) r[s.name][name] = await load(`${s.url}${path}`, s.cookie);
      }
      rounds.push(r);
      console.error(`round ${round + 1}/${ROUNDS} done`);
    }
    console.log(`\n### Both stores side by side — ${new Date().toISOString()}\n`);
    console.log(
      `The same city on both: ${sqliteCounts.risks} risks, ${sqliteCounts.events} events, head ${sqliteCounts.head.slice(0, 16)}…; ` +
        `${ROUNDS} rounds × ${SECONDS} s per route and set-up, ${CONNECTIONS} connections, set-ups taking turns within each round.\n`,
    );
    const head = setups.map((s) => `${s.name}: req/s · % of /ping · p99 ms`);
    console.log(`| route | ${head.join(" | ")} |`);
    console.log(`|---|${setups.map(() => "---").join("|")}|`);
    for (const name of Object.keys(routes)) {
      const cells = setups.map((s) => {
        const rs = rounds.map((r) => r[s.name][name]);
        const ratio = median(rounds.map((r) => r[s.name][name].rps / r[s.name]["/ping"].rps));
        const errors = rs.reduce((a, x) => a + x.errors, 0);
        return `${median(rs.map((x) => x.rps)).toFixed(0)} · ${(ratio * 100).toFixed(0)}% · ${median(rs.map((x) => x.p99))}${errors ? ` · ${errors} errors` : ""}`;
      });
      console.log(`| ${name} | ${cells.join(" | ")} |`);
    }
    const pingRatio = (a: string, b: string) =>
      (median(rounds.map((r) => r[a]["/ping"].rps / r[b]["/ping"].rps)) * 100).toFixed(0);
    console.log(
      `\n/ping on PostgreSQL (1 instance) against /ping on SQLite: ${pingRatio(setups[1].name, setups[0].name)}%; two instances behind nginx against one: ${pingRatio(setups[2].name, setups[1].name)}% (medians of per-round ratios).`,
    );
  } finally {
    await nginx?.stop();
    await Promise.all(all.map((i) => i.stop()));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
