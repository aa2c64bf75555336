/**
 * Grade-change benchmark (issue #4): `npm run bench:grade` (see docs/benchmarks.md).
 * On a fresh copy of bench/sise-50k.db (50,000 risks, 1,000,000 events):
 * 1. Database part, in-process: `gradeRisk` (the app's write: version check, update, hash-chained
 *    event, one IMMEDIATE transaction) against a bare better-sqlite3 transaction doing the same
 *    writes with prepared statements, in alternating blocks; ratio of the medians.
 * 2. Over HTTP: `next start` on the copy; autocannon posts the grading form to the real server
 *    action exactly as the browser does (multipart body, Next-Action header), each request a
 *    different risk at its current version, in rounds alternating with the trivial /ping page.
 * 3. A mixed workload (issue #8): 90% reads (register, risk page, board), 10% grade changes,
 *    with exact p50/p95/p99 from every response, as a ratio to /ping in the same round.
 * 4. `verify-history` over the result: time for the whole chain; the server's peak memory.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import autocannon from "autocannon";
import { verifyHistory } from "../db/history/verify";
import { applyMigrations } from "../db/migrate";
import { gradeRisk } from "../db/mutations/grading";
import { openDb } from "../db/open";
import { openDatabase } from "../db/sqlite/connection";
import { assess } from "../lib/domain/grading";
import { linkEvent, storedJson } from "../lib/domain/history-chain";
import { peakServerMemoryMb, startSiseServer, waitForServer } from "./bench-server";
import { gradeActionId, gradeRequest, gradingConfirmed } from "./bench-requests";
import { benchSessionCookie } from "./bench-session";

const SOURCE = process.env.BENCH_DB ?? "bench/sise-50k.db";
const COPY = "bench/grade-copy.db";
const PORT = Number(process.env.BENCH_PORT ?? 3201);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const run = (cmd: string, args: string[]) => {
  if (spawnSync(cmd, args, { stdio: "inherit" }).status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
};

type Target = import("./bench-requests").Target;
function targets(sqlite: ReturnType<typeof openDatabase>, offset: number, n: number): Target[] {
  return sqlite
    .prepare(
      "SELECT id, code, version FROM risks WHERE status IN ('identified', 'controlling') ORDER BY id LIMIT ? OFFSET ?",
    )
    .all(n, offset) as Target[];
}

/** The database part: the app's write against the same writes done bare, alternating blocks. */
async function databasePart(file: string) {
  // The app's store, and a bare connection of its own for the same writes done by hand.
  const db = openDb(file);
  const sqlite = openDatabase(file);
  const actor = { id: 1, name: "bench" };
  const graded = (colour: "red" | "yellow") => {
    const r = assess({ method: "direct" }, colour, "");
    if (!r.ok) throw new Error(r.error);
    return r.assessment;
  };
  const read = sqlite.prepare(
    "SELECT version, colour, ack_pending, assessment, next_review_date FROM risks WHERE id = ?",
  );
  const update = sqlite.prepare(
    "UPDATE risks SET colour = ?, assessment = ?, next_review_date = ?, last_reviewed_at = ?, ack_pending = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
  );
  const head = sqlite.prepare("SELECT seq, hash FROM risk_events ORDER BY seq DESC LIMIT 1");
  const insert =
    sqlite.prepare(`INSERT INTO risk_events (seq, at, risk_id, risk_version, actor_id, actor_name, action, field, old_value, new_value, reason, data, prev_hash, hash)
    VALUES (@seq, @at, @risk_id, @risk_version, @actor_id, @actor_name, @action, @field, @old_value, @new_value, @reason, @data, @prev_hash, @hash)`);
  const bare = sqlite.transaction((t: Target, colour: "red" | "yellow", now: number) => {
    const cur = read.get(t.id) as {
      version: number;
      colour: string;
      ack_pending: number;
      assessment: string;
      next_review_date: string;
    };
    if (cur.version !== t.version) return false;
    const a = graded(colour);
    update.run(
      colour,
      JSON.stringify(a),
      "2026-12-01",
      now,
      colour === "red" ? 1 : 0,
      t.version + 1,
      now,
      t.id,
      t.version,
    );
    insert.run(
      linkEvent(head.get() as { seq: number; hash: string }, {
        at: now,
        risk_id: t.id,
        risk_version: t.version + 1,
        actor_id: 1,
        actor_name: "bench",
        action: "grade",
        field: "colour",
        old_value: JSON.stringify(cur.colour),
        new_value: JSON.stringify(colour),
        reason: "bench",
        data: storedJson({
          assessment: a,
          previous: JSON.parse(cur.assessment),
          nextReviewDate: { from: cur.next_review_date, to: "2026-12-01" },
          escalatedToRed: colour === "red",
        }),
      }),
    );
    return true;
  });
  const pool = targets(sqlite, 0, 4000);
  const times = { app: [] as number[], bare: [] as number[] };
  let i = 0;
  for (let block = 0; block < 10; block++) {
    for (const kind of ["app", "bare"] as const) {
      for (let k = 0; k < 150; k++, i++) {
        const t = pool[i];
        const colour = i % 2 ? "red" : "yellow";
        const started = performance.now();
        const ok =
          kind === "app"
            ? (
                await gradeRisk(db, {
                  riskId: t.id,
                  expectedVersion: t.version,
                  actor,
                  now: new Date(),
                  assessment: graded(colour),
                  reason: "bench",
                  nextReviewDate: "2026-12-01",
                })
              ).ok
            : bare.immediate(t, colour, Date.now());
        times[kind].push(performance.now() - started);
        if (!ok) throw new Error("benchmark write refused");
      }
    }
  }
  sqlite.close();
  await db.close();
  return {
    app: { median: median(times.app), p99: pct(times.app, 0.99) },
    bare: { median: median(times.bare), p99: pct(times.bare, 0.99) },
    n: times.app.length,
  };
}

async function main() {
  if (!existsSync(SOURCE))
    run(process.execPath, [
      "--conditions=react-server",
      "--import",
      "tsx",
      "scripts/generate-load.ts",
      "--db",
      SOURCE,
      "--risks",
      "50000",
      "--events",
      "1000000",
    ]);
  if (!existsSync(".next/BUILD_ID")) run("npx", ["next", "build"]);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(COPY + suffix, { force: true });
  copyFileSync(SOURCE, COPY);
  const setup = openDb(COPY);
  await applyMigrations(setup);
  const cookie = await benchSessionCookie(setup, { role: "officer" });
  await setup.close();
  const counter = openDatabase(COPY, { readonly: true });
  const counts = counter
    .prepare("SELECT (SELECT count(*) FROM risks) AS risks, (SELECT count(*) FROM risk_events) AS events")
    .get();
  counter.close();

  const dbPart = await databasePart(COPY);
  console.error(`database part: app ${dbPart.app.median.toFixed(3)} ms, bare ${dbPart.bare.median.toFixed(3)} ms`);

  const reader = openDatabase(COPY, { readonly: true });
  const pool = targets(reader, 5000, 40_000);
  reader.close();
  const before = (
    openDatabase(COPY, { readonly: true })
      .prepare("SELECT count(*) AS n FROM risk_events WHERE reason = '基准测试:升级'")
      .get() as { n: number }
  ).n;
  const actionId = gradeActionId();
  const day = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
  let next = 0;
  // BENCH_NODE_ARGS lets a profiling run pass options to the server's node (e.g. "--cpu-prof").
  const server = startSiseServer({
    port: PORT,
    db: COPY,
    nodeArgs: process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean),
  });
  try {
    await waitForServer(PORT);
    const headers = { cookie, origin: `http://127.0.0.1:${PORT}` };
    for (let i = 0; i < 30; i++) await fetch(`http://127.0.0.1:${PORT}/ping`, { headers });
    // One request by hand first: it must be answered with the redirect a successful grading gives,
    // or the load below would only measure refusals.
    const probe = pool[next++];
    const probeRequest = gradeRequest(probe, { actionId, day, headers });
    const res = await fetch(`http://127.0.0.1:${PORT}${probeRequest.path}`, probeRequest);
    const answer = await res.text();
    if (!gradingConfirmed(answer, probe.code)) {
      throw new Error(
        `the probe grading was not accepted: ${res.status} ${JSON.stringify(Object.fromEntries(res.headers))}\n${answer.slice(0, 2000)}`,
      );
    }
    const get = async (path: string) => {
      const r = await autocannon({
        url: `http://127.0.0.1:${PORT}${path}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers,
      });
      return {
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.non2xx + r.timeouts,
        sent: r.requests.total,
      };
    };
    const grade = async () => {
      const r = await autocannon({
        url: `http://127.0.0.1:${PORT}/risks/x/grade`,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            method: "POST",
            setupRequest: (req) => {
              // Each request grades a different risk at the version it has, as separate officers would.
              return { ...req, ...gradeRequest(pool[next++ % pool.length], { actionId, day, headers }) };
            },
          },
        ],
      });
      return {
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.non2xx + r.timeouts,
        sent: r.requests.total,
      };
    };
    /** 90% reads spread over three pages, 10% grade changes, chosen per request; every latency kept. */
    const reads = ["/risks?region=4&colour=orange", `/risks/${pool[pool.length - 2].code}`, "/board"];
    let picked = 0;
    const mixed = async () => {
      const latencies: number[] = [];
      const r = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: `http://127.0.0.1:${PORT}/ping`,
            connections: CONNECTIONS,
            duration: SECONDS,
            requests: [
              {
                setupRequest: (req) => {
                  const i = picked++;
                  if (i % 10 !== 9)
                    return { ...req, method: "GET", path: reads[i % reads.length], headers, body: undefined };
                  return { ...req, ...gradeRequest(pool[next++ % pool.length], { actionId, day, headers }) };
                },
              },
            ],
          },
          (err, result) => (err ? reject(err) : resolve(result)),
        );
        instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
      });
      return {
        rps: r.requests.average,
        p50: pct(latencies, 0.5),
        p95: pct(latencies, 0.95),
        p99: pct(latencies, 0.99),
        errors: r.errors + r.non2xx + r.timeouts,
        sent: r.requests.total,
      };
    };
    await grade(); // warm-up round (its writes count below too)
    // The page a successful grading lands on (Next renders it in the action's own response).
    const landing = `/risks/${pool[pool.length - 1].code}`;
    const rounds: Array<
      Record<"ping" | "page" | "grade", Awaited<ReturnType<typeof grade>>> & {
        mixed?: Awaited<ReturnType<typeof mixed>>;
      }
    > = [];
    for (let round = 0; round < ROUNDS; round++) {
      // BENCH_GRADE_ONLY=1 (with BENCH_SERVER_CMD for a CPU profile) loads only the grade change.
      if (process.env.BENCH_GRADE_ONLY) {
        const g = await grade();
        rounds.push({ ping: g, page: g, grade: g });
      } else
        rounds.push({ ping: await get("/ping"), page: await get(landing), grade: await grade(), mixed: await mixed() });
      console.error(`round ${round + 1}/${ROUNDS} done`);
    }
    const check = openDatabase(COPY, { readonly: true });
    const written =
      (check.prepare("SELECT count(*) AS n FROM risk_events WHERE reason = '基准测试:升级'").get() as { n: number }).n -
      before;
    check.close();
    const started = performance.now();
    const verifier = openDb(COPY, { readonly: true });
    const verify = await verifyHistory(verifier);
    await verifier.close();
    const verifySeconds = (performance.now() - started) / 1000;

    console.log(`\n### Grade change benchmark — ${new Date().toISOString()}\n`);
    console.log(
      `Database: copy of ${SOURCE} (${JSON.stringify(counts)}); ${ROUNDS} rounds × ${SECONDS} s per route, ${CONNECTIONS} connections.\n`,
    );
    console.log("| route | req/s (median) | ratio to /ping (median of per-round ratios) | p50 ms | p99 ms | errors |");
    console.log("|---|---|---|---|---|---|");
    const label = {
      ping: "/ping",
      page: "risk page (GET, where a grading lands)",
      grade: "grade change (POST server action)",
    };
    for (const name of ["ping", "page", "grade"] as const) {
      const rs = rounds.map((r) => r[name]);
      const ratio = median(rounds.map((r) => r[name].rps / r.ping.rps));
      console.log(
        `| ${label[name]} | ${median(rs.map((x) => x.rps)).toFixed(1)} | ${(ratio * 100).toFixed(0)}% | ${median(rs.map((x) => x.p50))} | ${median(rs.map((x) => x.p99))} | ${rs.reduce((a, x) => a + x.errors, 0)} |`,
      );
    }
    const mixedRounds = rounds.flatMap((r) => (r.mixed ? [{ ...r.mixed, ratio: r.mixed.rps / r.ping.rps }] : []));
    if (mixedRounds.length) {
      console.log(
        "\n| mixed workload (90% reads: register, risk page, board; 10% grade changes) | req/s (median) | ratio to /ping | p50 ms | p95 ms | p99 ms | errors |",
      );
      console.log("|---|---|---|---|---|---|---|");
      const m = (k: "rps" | "p50" | "p95" | "p99" | "ratio") => median(mixedRounds.map((x) => x[k]));
      console.log(
        `| per round: ${mixedRounds.map((x) => `${x.rps.toFixed(0)} req/s`).join(", ")} | ${m("rps").toFixed(1)} | ${(m("ratio") * 100).toFixed(0)}% | ${m("p50").toFixed(1)} | ${m("p95").toFixed(1)} | ${m("p99").toFixed(1)} | ${mixedRounds.reduce((a, x) => a + x.errors, 0)} |`,
      );
    }
    const sent = rounds.reduce((a, r) => a + r.grade.sent, 0);
    console.log(
      `\nGradings written (counted in the database, warm-up included): ${written}; requests answered in the measured rounds: ${sent}.`,
    );
    console.log(`\n| database part (${dbPart.n} writes each, alternating blocks) | median ms | p99 ms |`);
    console.log("|---|---|---|");
    console.log(
      `| app: gradeRisk (drizzle, version check, hash-chained event) | ${dbPart.app.median.toFixed(3)} | ${dbPart.app.p99.toFixed(3)} |`,
    );
    console.log(
      `| bare better-sqlite3 transaction, same writes | ${dbPart.bare.median.toFixed(3)} | ${dbPart.bare.p99.toFixed(3)} |`,
    );
    console.log(`| ratio app / bare | ${(dbPart.app.median / dbPart.bare.median).toFixed(2)}× | |`);
    console.log(
      `\nverify-history: ${verify.ok ? `${verify.count} events verified` : "FAILED"} in ${verifySeconds.toFixed(2)} s`,
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
