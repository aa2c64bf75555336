/**
 * `npm run bench:territory -- --db bench/sise-province.db` (or `--db postgres://…`): issue 21's
 * scale, on a synthetic province made by
 *   npm run db:generate-load -- --db … --territory province --risks 1000000 --events 5000000
 * (ten cities' worth of territory: 120 counties, 1,320 towns, 15,840 villages).
 * 1. In-process, on the store: the register filtered to one town (median of 30 runs), the division
 *    picker's search (median of 200), and the board as of a year back (first time, then remembered).
 * 2. Over HTTP against `server.mjs` on the store: /ping, the city's board and a county's board in
 *    alternating rounds at 10 connections — each board as a ratio to /ping in the same round — the
 *    picker's route, and the server's peak memory.
 */
import "./store-arg"; // first: --db decides the dialect
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { boardAt } from "../db/history/boards";
import { openDb } from "../db/open";
import { listRegisterPage } from "../db/queries/register";
import { loadTerritory } from "../db/territory";
import { CITY_TIME_ZONE } from "../lib/config";
import { dayInZone, instantInZone } from "../lib/domain/dates";
import { findDivisions } from "../lib/domain/territory";
import { freePort, Instance } from "../tests/e2e/instance";
import { benchSessionCookie } from "./bench-session";
import { peakServerMemoryMb } from "./bench-server";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timed = async (f: () => Promise<unknown> | unknown) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

async function main() {
  const { values } = parseArgs({ options: { db: { type: "string" } } });
  if (!values.db) throw new Error("--db is required");
  const db = openDb(values.db);
  const today = dayInZone(new Date(), CITY_TIME_ZONE);
  const territory = await loadTerritory(db);
  const all = [...territory.byId.values()];
  const city = all.find((d) => d.parentId === null && d.code === "610800")!;
  const county = all.find((d) => d.code === "610802")!;
  const town = all.find((d) => d.parentId === county.id && d.level === "town")!;
  const counts = {
    divisions: all.length,
    counties: all.filter((d) => d.level === "county").length,
    towns: all.filter((d) => d.level === "town").length,
    villages: all.filter((d) => d.level === "village").length,
  };

  const register: number[] = [];
  let found = 0;
  for (let i = 0; i < 30; i++)
    register.push(
      await timed(async () => {
        found = (await listRegisterPage(db, { query: { region: [town.id], sort: "severity", page: 1 }, today })).total;
      }),
    );
  const picker: number[] = [];
  for (let i = 0; i < 200; i++) picker.push(await timed(() => findDivisions(territory, `合成村0${1 + (i % 9)}-0`)));
  const yearBackDay = dayInZone(new Date(Date.now() - 365 * 86_400_000), CITY_TIME_ZONE);
  const yearBack = instantInZone(yearBackDay, "12:00", CITY_TIME_ZONE);
  // The city's board as a page asks for it (rolled up to its columns), and a county's, a day later.
  const asOfFirst = await timed(() => boardAt(db, yearBack, { node: city.id }));
  const asOfAgain = await timed(() => boardAt(db, yearBack, { node: city.id }));
  const asOfCounty = await timed(() => boardAt(db, yearBack + 86_400_000, { node: county.id }));
  const cookie = await benchSessionCookie(db);
  await db.close();

  const server = new Instance(await freePort(), values.db, {
    NEXT_TELEMETRY_DISABLED: "1",
    SISE_CHECKPOINT_MINUTES: "0",
    SISE_DATA_DIR: "bench/territory-data",
  });
  await server.start();
  const load = async (path: string) => {
    const r = await autocannon({
      url: `${server.url}${path}`,
      connections: 10,
      duration: SECONDS,
      headers: { cookie },
    });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
  };
  const routes: Record<string, string> = {
    "/ping": "/ping",
    "city board (榆林市: 市本级 + 12 counties)": `/board?region=${city.id}`,
    "county board (榆阳区: 县本级 + 11 towns)": `/board?region=${county.id}`,
    "city board as of a year back": `/board?region=${city.id}&asOf=${yearBackDay}T12:00`,
    "division picker (/api/divisions)": `/api/divisions?q=${encodeURIComponent("合成村05-0")}`,
  };
  try {
    // First visits: what the first viewer after a change waits for (the board's GROUP BY and roll-up).
    const first: Record<string, number> = {};
    for (const [name, path] of Object.entries(routes))
      first[name] = await timed(async () => (await fetch(`${server.url}${path}`, { headers: { cookie } })).text());
    for (const path of Object.values(routes))
      for (let i = 0; i < 20; i++) await (await fetch(`${server.url}${path}`, { headers: { cookie } })).text();
    const rounds: Array<Record<string, Awaited<ReturnType<typeof load>>>> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r: Record<string, Awaited<ReturnType<typeof load>>> = {};
      for (const [name, path] of Object.entries(routes)) r[name] = await load(path);
      rounds.push(r);
      console.error(`round ${round + 1}/${ROUNDS} done`);
    }
    console.log(`\n### The territory at a province's size — ${new Date().toISOString()} (${db.dialect})\n`);
    console.log(
      `Store: ${db.dialect === "pg" ? "PostgreSQL" : "SQLite"}; ${JSON.stringify(counts)}; the town filtered: ${found} risks.\n`,
    );
    console.log("| in-process | median ms |");
    console.log("|---|---|");
    console.log(`| register filtered to one town (query time, page 1 + count) | ${median(register).toFixed(2)} |`);
    console.log(`| division picker search over ${counts.divisions} divisions | ${median(picker).toFixed(2)} |`);
    console.log(`| city board as of a year back, first time | ${asOfFirst.toFixed(0)} |`);
    console.log(`| city board as of a year back, remembered | ${asOfAgain.toFixed(1)} |`);
    console.log(`| county board as of a year back (another moment), first time | ${asOfCounty.toFixed(0)} |`);
    console.log(
      "\n| route | first request ms | req/s (median) | % of /ping (median of per-round ratios) | p50 ms | p99 ms | errors |",
    );
    console.log("|---|---|---|---|---|---|---|");
    for (const name of Object.keys(routes)) {
      const rs = rounds.map((r) => r[name]);
      const ratio = median(rounds.map((r) => r[name].rps / r["/ping"].rps));
      console.log(
        `| ${name} | ${first[name].toFixed(0)} | ${median(rs.map((x) => x.rps)).toFixed(0)} | ${(ratio * 100).toFixed(0)}% | ${median(rs.map((x) => x.p50))} | ${median(rs.map((x) => x.p99))} | ${rs.reduce((a, x) => a + x.errors, 0)} |`,
      );
    }
    if (server.process?.pid)
      console.log(`\nPeak server memory (VmHWM) over the run: ${peakServerMemoryMb(server.process.pid)} MB.`);
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
