/**
 * Hazards benchmark (issue 22): `npm run bench:hazards` (docs/benchmarks.md, "Issue 22").
 * 1. Copies bench/sise-50k.db (50,000 risks) to bench/sise-hazards.db once, and adds 200,000
 *    hazards across the territory's divisions and the 14 domains over two years, in every state of
 *    the loop. They are written straight into the hazards table (the pages measured read only that
 *    table): their `hazard.*` history events are not generated, so this database's chain is the 50k
 *    one's.
 * 2. Starts `next start` on it and, in alternating rounds, measures /ping and the hazards register
 *    and statistics pages with autocannon, each page's throughput as a ratio to /ping in the same
 *    round (the median over rounds).
 * 3. Uploads a 10 MB photo to a hazard while other users load /ping, and reports their p50/p99
 *    during the upload against without it.
 */
import { copyFileSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import autocannon from "autocannon";
import sharp from "sharp";
import { openDb } from "../db/open";
import { openDatabase } from "../db/sqlite/connection";
import { applyMigrations } from "../db/migrate";
import { peakServerMemoryMb, startSiseServer, waitForServer } from "./bench-server";
import { benchSessionCookie } from "./bench-session";

const SOURCE = "bench/sise-50k.db";
const DB = process.env.BENCH_DB ?? "bench/sise-hazards.db";
const PORT = Number(process.env.BENCH_PORT ?? 3230);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const HAZARDS = 200_000;
const CONNECTIONS = 10;
const PAGES: Record<string, string> = {
  "hazards register": "/hazards",
  "register: overdue": "/hazards?overdue=1&sort=deadline",
  "register: a county, open majors": "/hazards?region=REGION&status=open&grade=major",
  "statistics: month": "/hazards/statistics?period=month",
  "statistics: year": "/hazards/statistics?period=year",
  "statistics: a county's quarter": "/hazards/statistics?period=quarter&region=REGION",
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
};

/** 200,000 hazards, deterministic: most closed, some rectifying (a share overdue), some waiting, a few supervised majors. */
function addHazards(path: string) {
  const db = openDatabase(path);
  const has = db.prepare("SELECT count(*) FROM hazards").pluck().get() as number;
  if (has >= HAZARDS) return db.close();
  const areas = db.prepare("SELECT id FROM areas WHERE kind = 'domain' AND active = 1").pluck().all() as number[];
  const regions = db.prepare("SELECT id FROM regions WHERE active = 1").pluck().all() as number[];
  const units = db.prepare("SELECT id FROM units WHERE active = 1").pluck().all() as number[];
  const riskIds = db.prepare("SELECT id FROM risks ORDER BY id LIMIT 20000").pluck().all() as number[];
  let seed = 20261206;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const DAY = 86_400_000;
  const now = Date.now();
  const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const insert = db.prepare(`INSERT INTO hazards (code, risk_id, title, description, area_id, region_id, place, grade,
    status, found_on, found_by_name, rectify_unit_id, rectify_person, deadline, measures_taken, failed_acceptances,
    acceptance, closed_at, supervision_level, supervision_unit_id, supervision_deadline, created_at, updated_at)
    VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, 'bench', ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`);
  const titles = ["消防通道堵塞", "可燃气体报警器失效", "配电箱线路私拉乱接", "安全出口指示灯损坏", "防护栏杆缺失"];
  db.transaction(() => {
    for (let i = has; i < HAZARDS; i++) {
      const found = now - Math.floor(rnd() * 730) * DAY - DAY;
      const year = new Date(found).getUTCFullYear();
      const major = rnd() < 0.03;
      const age = (now - found) / DAY;
      const r = rnd();
      const status =
        age > 60
          ? r < 0.92
            ? "closed"
            : "rectifying"
          : r < 0.4
            ? "closed"
            : r < 0.6
              ? "accepting"
              : r < 0.9
                ? "rectifying"
                : "found";
      const assigned = status !== "found";
      const deadline = assigned ? day(found + (10 + Math.floor(rnd() * 40)) * DAY) : null;
      const closedAt = status === "closed" ? found + Math.floor((2 + rnd() * 30) * DAY) : null;
      const supervised = major && status !== "closed" && rnd() < 0.5;
      insert.run(
        `YH-${year}-${String(i + 1).padStart(6, "0")}`,
        rnd() < 0.3 ? pick(riskIds) : null,
        pick(titles),
        pick(areas),
        pick(regions),
        "现场",
        major ? "major" : "general",
        status,
        day(found),
        assigned ? pick(units) : null,
        assigned ? "张伟" : null,
        deadline,
        status === "accepting" || status === "closed" ? "已整改" : null,
        status === "closed"
          ? JSON.stringify({ type: "self", completedOn: day(closedAt!), costWan: 0.5, opinion: "" })
          : null,
        closedAt,
        supervised ? "city" : null,
        supervised ? pick(units) : null,
        supervised ? day(found + 45 * DAY) : null,
        found,
        closedAt ?? found,
      );
    }
  })();
  db.pragma("optimize");
  db.close();
}

async function load(path: string, cookie: string) {
  const r = await autocannon({
    url: `http://127.0.0.1:${PORT}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie },
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts };
}

async function main() {
  if (!existsSync(SOURCE)) throw new Error(`${SOURCE} is missing: run npm run bench:register once to generate it`);
  if (!existsSync(DB)) copyFileSync(SOURCE, DB);
  const writable = openDb(DB);
  await applyMigrations(writable);
  await writable.close();
  addHazards(DB);
  const w = openDb(DB);
  const reader = await benchSessionCookie(w);
  const officer = await benchSessionCookie(w, { role: "officer" });
  await w.close();
  const sqlite = openDatabase(DB, { readonly: true });
  const county = sqlite
    .prepare("SELECT id FROM regions WHERE level = 'county' ORDER BY id LIMIT 1")
    .pluck()
    .get() as number;
  // A hazard with no files yet (each run adds some; a hazard takes at most 50).
  const target = sqlite
    .prepare(
      "SELECT code FROM hazards h WHERE status = 'rectifying' AND NOT EXISTS (SELECT 1 FROM hazard_attachments a WHERE a.hazard_id = h.id) ORDER BY id LIMIT 1",
    )
    .pluck()
    .get() as string;
  const counts = sqlite
    .prepare(
      "SELECT (SELECT count(*) FROM risks) AS risks, (SELECT count(*) FROM hazards) AS hazards, (SELECT count(*) FROM hazards WHERE status <> 'closed') AS open",
    )
    .get();
  sqlite.close();
  for (const k of Object.keys(PAGES)) PAGES[k] = PAGES[k].replace("REGION", String(county));
  if (!existsSync(".next/BUILD_ID")) run("npx", ["next", "build"]);
  const server = startSiseServer({ port: PORT, db: DB, env: { SISE_ATTACHMENTS_DIR: "bench/attachments" } });
  try {
    await waitForServer(PORT);
    for (const path of ["/ping", ...Object.values(PAGES)])
      for (let i = 0; i < 30; i++) await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie: reader } });
    const rounds: Array<Record<string, Awaited<ReturnType<typeof load>>>> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r: Record<string, Awaited<ReturnType<typeof load>>> = { "/ping": await load("/ping", reader) };
      for (const [name, path] of Object.entries(PAGES)) r[name] = await load(path, reader);
      rounds.push(r);
      console.error(`round ${round + 1}/${ROUNDS} done`);
    }
    // A 10 MB photo (noise compresses badly, as a real photo at high quality does), uploaded one
    // after another while others load /ping; against /ping alone just before.
    const photo = await sharp({
      create: {
        width: 3600,
        height: 2700,
        channels: 3,
        background: "#808080",
        noise: { type: "gaussian", mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 98 })
      .toBuffer();
    const alone = await load("/ping", reader);
    const uploads: number[] = [];
    const during = autocannon({
      url: `http://127.0.0.1:${PORT}/ping`,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { cookie: reader },
    });
    let finished = false;
    void during.then(() => (finished = true));
    // Upload after upload for as long as the others are measured, so every second of it has one under way.
    for (let i = 0; !finished && i < 40; i++) {
      const body = new FormData();
      body.append("files", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), `bench-${i}.jpg`);
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${PORT}/api/uploads/hazards/${target}`, {
        method: "POST",
        body,
        headers: { cookie: officer, accept: "application/json", origin: `http://127.0.0.1:${PORT}` },
      });
      if (!res.ok) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
      uploads.push(performance.now() - started);
    }
    const busy = await during;

    console.log(`\n### Hazards benchmark — ${new Date().toISOString()}\n`);
    console.log(
      `Database: ${DB} (${JSON.stringify(counts)}); ${ROUNDS} rounds × ${SECONDS} s per route, ${CONNECTIONS} connections.\n`,
    );
    console.log("| route | req/s (median) | ratio to /ping (median of per-round ratios) | p50 ms | p99 ms | errors |");
    console.log("|---|---|---|---|---|---|");
    for (const name of ["/ping", ...Object.keys(PAGES)]) {
      const rs = rounds.map((r) => r[name]);
      const ratio = median(rounds.map((r) => r[name].rps / r["/ping"].rps));
      console.log(
        `| ${name} \`${name === "/ping" ? "" : PAGES[name]}\` | ${median(rs.map((x) => x.rps)).toFixed(0)} | ${(ratio * 100).toFixed(0)}% | ${median(rs.map((x) => x.p50))} | ${median(rs.map((x) => x.p99))} | ${rs.reduce((a, x) => a + x.errors, 0)} |`,
      );
    }
    console.log(
      `\nUploads of a ${(photo.length / 1024 / 1024).toFixed(1)} MB photo one after another (${uploads.length}, median ${median(uploads).toFixed(0)} ms each, the slowest ${Math.max(...uploads).toFixed(0)} ms), while ${CONNECTIONS} connections load /ping:\n`,
    );
    console.log("| /ping | req/s | p50 ms | p99 ms | errors |");
    console.log("|---|---|---|---|---|");
    console.log(`| alone | ${alone.rps.toFixed(0)} | ${alone.p50} | ${alone.p99} | ${alone.errors} |`);
    console.log(
      `| during the uploads | ${busy.requests.average.toFixed(0)} | ${busy.latency.p50} | ${busy.latency.p99} | ${busy.errors + busy.non2xx + busy.timeouts} |`,
    );
    if (server.pid)
      console.log(`\nPeak server memory (VmHWM) over the whole run: ${peakServerMemoryMb(server.pid)} MB.`);
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
