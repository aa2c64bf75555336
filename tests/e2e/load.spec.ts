import autocannon from "autocannon";
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
import { verifyHistory } from "../../db/history/verify";
import { openDb } from "../../db/open";
import { gradeActionId, gradeRequest, type Target } from "../../scripts/bench-requests";
import { signIn } from "./sign-in";

const SECONDS = 4;

/**
 * The benchmark suite at CI size (`npm run bench` runs it at 50,000 risks): a few seconds of load
 * on the production server under test — the trivial route, the register, the board, the weekly
 * analysis, then 90% reads with 10% grade changes posted to the real server action. Nothing may
 * fail, and the history must still verify. Throughput is printed as a ratio to /ping, not judged:
 * CI machines are too noisy for thresholds. (It regrades many of the officer's risks: on its own database copy, tests/e2e/fixtures.ts.)
 */
test("the server answers sustained reads and a 90/10 read-write mix without an error", async ({
  page,
  baseURL,
  siseDb,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "officer");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const headers = { cookie, origin: baseURL! };
  const db = new Database(siseDb, { readonly: true, fileMustExist: true });
  // The officer's scope: the safety-production domains of 榆阳区 and 神木市.
  const pool = db
    .prepare(
      `SELECT r.id, r.code, r.version FROM risks r JOIN areas a ON a.id = r.area_id JOIN regions g ON g.id = r.region_id
    WHERE a.kind = 'domain' AND g.code IN ('610802', '610881') AND r.status IN ('identified', 'controlling') ORDER BY r.id`,
    )
    .all() as Target[];
  db.close();
  expect(pool.length).toBeGreaterThan(5);

  const get = async (path: string) => {
    const r = await autocannon({ url: `${baseURL}${path}`, connections: 4, duration: SECONDS, headers });
    return { rps: r.requests.average, p99: r.latency.p99, failed: r.errors + r.non2xx + r.timeouts };
  };
  const results: Record<string, Awaited<ReturnType<typeof get>>> = {};
  for (const path of ["/ping", "/risks?colour=orange", "/board", "/analysis"]) results[path] = await get(path);

  const actionId = gradeActionId();
  const day = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
  let n = 0;
  let posted = 0;
  const mixed = await autocannon({
    url: `${baseURL}/ping`,
    connections: 4,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req) => {
          const i = n++;
          if (i % 10 !== 9)
            return {
              ...req,
              method: "GET",
              path: ["/risks", "/board", `/risks/${pool[0].code}`][i % 3],
              headers,
              body: undefined,
            };
          // Each grade goes to a different risk; a repeat finds it moved on and is refused as stale (still a 200 answer).
          return { ...req, ...gradeRequest(pool[posted++ % pool.length], { actionId, day, headers }) };
        },
      },
    ],
  });
  results["mixed 90/10"] = {
    rps: mixed.requests.average,
    p99: mixed.latency.p99,
    failed: mixed.errors + mixed.non2xx + mixed.timeouts,
  };
  console.log(
    Object.entries(results)
      .map(
        ([k, r]) =>
          `${k}: ${r.rps.toFixed(0)} req/s (${((r.rps / results["/ping"].rps) * 100).toFixed(0)}% of /ping), p99 ${r.p99} ms, failed ${r.failed}`,
      )
      .join("\n"),
  );
  for (const [path, r] of Object.entries(results)) expect(r.failed, path).toBe(0);
  expect(posted).toBeGreaterThan(0);

  const after = new Database(siseDb, { readonly: true, fileMustExist: true });
  const graded = after
    .prepare("SELECT count(*) FROM risk_events WHERE reason = '基准测试:升级'")
    .pluck()
    .get() as number;
  after.close();
  const store = openDb(siseDb, { readonly: true });
  expect((await verifyHistory(store)).ok).toBe(true);
  await store.close();
  expect(graded).toBeGreaterThan(0);
});
