/**
 * Read-page benchmark: `npm run bench:register` (part of `npm run bench`; see docs/benchmarks.md).
 * 1. Generates (or reuses) bench/sise-50k.db: 50,000 risks and 1,000,000 events.
 * 2. Times the register page's own queries in-process (median of 50 runs per scenario).
 * 3. Builds the app if needed, starts `next start` on the bench database and, in alternating
 *    rounds, measures the trivial /ping page and register pages with autocannon, reporting each
 *    page's throughput as a ratio to /ping measured in the same round, and the median over rounds.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import { openDb } from "../db/open";
import { openDatabase } from "../db/sqlite/connection";
import { applyMigrations } from "../db/migrate";
import { peakServerMemoryMb, startSiseServer, waitForServer } from "./bench-server";
import { benchSessionCookie } from "./bench-session";
import { timeScenarios } from "./register-query-times";
import { ensureBareNext } from "./bare-next";
import { benchPages } from "./bench-pages";

const DB = process.env.BENCH_DB ?? "bench/sise-50k.db";
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const PAGES = benchPages();
if (process.env.BENCH_ONLY === "board") for (const k of Object.keys(PAGES)) if (!k.startsWith("board")) delete PAGES[k];

const run = (cmd: string, args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let cookie = "";

const BARE_PORT = PORT + 50;
const BARE = "bare Next page (the framework's floor)";

async function load(path: string, port = PORT) {
  // Every route gets the same signed-in cookie, so /ping pays the same session lookup as the register.
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie },
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts };
}

async function main() {
  if (!existsSync(DB))
    run(process.execPath, [
      "--conditions=react-server",
      "--import",
      "tsx",
      "scripts/generate-load.ts",
      "--db",
      DB,
      "--risks",
      "50000",
      "--events",
      "1000000",
    ]);
  const writable = openDb(DB);
  await applyMigrations(writable); // a bench database from an older checkout gains the newer tables
  cookie = await benchSessionCookie(writable);
  await writable.close();
  const sqlite = openDatabase(DB, { readonly: true });
  const counts = sqlite
    .prepare("SELECT (SELECT count(*) FROM risks) AS risks, (SELECT count(*) FROM risk_events) AS events")
    .get();
  // A risk with a long history: the page shows its whole timeline.
  const busy = sqlite
    .prepare(
      "SELECT r.code FROM risks r JOIN (SELECT risk_id, count(*) AS n FROM risk_events WHERE risk_id IS NOT NULL GROUP BY risk_id ORDER BY n DESC LIMIT 1) e ON e.risk_id = r.id",
    )
    .pluck()
    .get() as string;
  for (const [k, v] of Object.entries(PAGES)) PAGES[k] = v.replace("RISK_CODE", busy);
  sqlite.close();
  const reader = openDb(DB, { readonly: true });
  const queries = await timeScenarios(reader);
  await reader.close();

  if (!existsSync(".next/BUILD_ID")) run("npx", ["next", "build"]);
  const bareDir = ensureBareNext();
  const server = startSiseServer({ port: PORT, db: DB });
  const bare = spawn(process.execPath, ["server.mjs"], {
    cwd: bareDir,
    env: { ...process.env, PORT: String(BARE_PORT), HOSTNAME: "127.0.0.1" },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitForServer(PORT);
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(`http://127.0.0.1:${BARE_PORT}/`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 50; i++) await fetch(`http://127.0.0.1:${BARE_PORT}/`);
    const sizes = await pageSizes(["/ping", "/risks", "/board"]);
    for (const path of ["/ping", ...Object.values(PAGES)])
      for (let i = 0; i < 50; i++) await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie } });
    const rounds: Array<Record<string, Awaited<ReturnType<typeof load>>>> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r: Record<string, Awaited<ReturnType<typeof load>>> = {
        [BARE]: await load("/", BARE_PORT),
        "/ping": await load("/ping"),
      };
      for (const [name, path] of Object.entries(PAGES)) r[name] = await load(path);
      rounds.push(r);
      console.error(`round ${round + 1}/${ROUNDS} done`);
    }
    console.log(`\n### Register benchmark — ${new Date().toISOString()}\n`);
    console.log(
      `Database: ${DB} (${JSON.stringify(counts)}); ${ROUNDS} rounds × ${SECONDS} s per route, ${CONNECTIONS} connections.\n`,
    );
    console.log(
      `/ping against the bare Next page: ${(median(rounds.map((r) => r["/ping"].rps / r[BARE].rps)) * 100).toFixed(0)}% (median of per-round ratios).\n`,
    );
    console.log("| route | req/s (median) | ratio to /ping (median of per-round ratios) | p50 ms | p99 ms | errors |");
    console.log("|---|---|---|---|---|---|");
    for (const name of [BARE, "/ping", ...Object.keys(PAGES)]) {
      const rs = rounds.map((r) => r[name]);
      const ratio = median(rounds.map((r) => r[name].rps / r["/ping"].rps));
      console.log(
        `| ${name} | ${median(rs.map((x) => x.rps)).toFixed(0)} | ${(ratio * 100).toFixed(0)}% | ${median(rs.map((x) => x.p50))} | ${median(rs.map((x) => x.p99))} | ${rs.reduce((a, x) => a + x.errors, 0)} |`,
      );
    }
    console.log("\n| register query scenario | params | matching | median ms | p95 ms |");
    console.log("|---|---|---|---|---|");
    for (const q of queries)
      console.log(
        `| ${q.name} | \`${q.params || "(none)"}\` | ${q.total} | ${q.median.toFixed(2)} | ${q.p95.toFixed(2)} |`,
      );
    console.log(
      "\n| page (signed in) | HTML bytes (with the inline payload) | RSC payload bytes (client navigation) |",
    );
    console.log("|---|---|---|");
    for (const [path, z] of Object.entries(sizes)) console.log(`| ${path} | ${z.html} | ${z.rsc} |`);
    if (server.pid)
      console.log(`\nPeak server memory (VmHWM) over the whole run: ${peakServerMemoryMb(server.pid)} MB.`);
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    if (bare.pid) process.kill(-bare.pid, "SIGTERM");
  }
}

/** What a signed-in visitor downloads for a page: the HTML document and, for a client-side navigation, the RSC payload. */
async function pageSizes(paths: string[]) {
  const out: Record<string, { html: number; rsc: number }> = {};
  for (const path of paths) {
    const get = async (extra: Record<string, string>) =>
      Buffer.byteLength(
        await (await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie, ...extra } })).text(),
      );
    out[path] = { html: await get({}), rsc: await get({ rsc: "1" }) };
  }
  return out;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
