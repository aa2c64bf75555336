import { execFileSync } from "node:child_process";
import { verifyHistory } from "../../../db/history/verify";
import { openDb } from "../../../db/open";
import { gradeActionId, gradeRequest, gradingConfirmed, type Target } from "../../../scripts/bench-requests";
import { benchSessionCookie } from "../../../scripts/bench-session";
import { expect, test } from "../fixtures";
import { signIn } from "../sign-in";
import { storeRows } from "../store-query";

/**
 * Faults of a PostgreSQL deployment under write load, through nginx as users reach it: an instance
 * killed outright, and the database stopped and started again. What must hold each time: every
 * grading the app confirmed is in the database, the history's chain verifies, users in the outage
 * get the translated 503 page (never a crash or a stack trace), and the app comes back by itself.
 * (Runs alone, after the other PostgreSQL specs: it stops the server they share.)
 */

/** Restarting the test's PostgreSQL: the throw-away cluster of scripts/pg-cluster.sh (SISE_PG_DIR), unless told otherwise. */
const pgCluster = (cmd: "stop" | "start") =>
  execFileSync("bash", ["scripts/pg-cluster.sh", cmd], { stdio: ["ignore", "ignore", "inherit"], timeout: 120_000 });

type Load = { confirmed: Array<{ id: number; version: number }>; failed: number; stop: () => Promise<void> };

/** Four clients grading risks through `url` without pause; a grading counts only once the app confirmed it. */
async function writeLoad(url: string, db: string): Promise<Load> {
  const setup = openDb(db);
  const cookie = await benchSessionCookie(setup, { role: "officer" });
  await setup.close();
  const pool = await storeRows<Target>(
    db,
    "SELECT id, code, version FROM risks WHERE status IN ('identified', 'controlling') ORDER BY id",
  );
  const actionId = gradeActionId();
  const day = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
  const load: Load = { confirmed: [], failed: 0, stop: async () => {} };
  let stopped = false;
  const client = async (k: number) => {
    for (let i = k; !stopped; i += 4) {
      const t = pool[i % pool.length];
      const request = gradeRequest(t, { actionId, day, headers: { cookie, origin: url } });
      try {
        const res = await fetch(`${url}${request.path}`, request);
        if (gradingConfirmed(await res.text(), t.code)) {
          t.version += 1;
          load.confirmed.push({ id: t.id, version: t.version });
          continue;
        }
      } catch {
        /* cut off: not confirmed */
      }
      load.failed++;
      // An unconfirmed grading may still have been saved just before the cut: read the risk's version again.
      const [now] = await storeRows<{ version: number }>(db, "SELECT version FROM risks WHERE id = ?", t.id).catch(
        () => [undefined],
      );
      if (now) t.version = now.version;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const clients = [0, 1, 2, 3].map(client);
  load.stop = async () => {
    stopped = true;
    await Promise.all(clients);
  };
  return load;
}

const until = async (what: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; !what();) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Every confirmed grading is in the history, and the chain verifies end to end. */
async function expectIntact(db: string, confirmed: Load["confirmed"]) {
  const graded = new Set(
    (
      await storeRows<{ risk_id: number; risk_version: number }>(
        db,
        "SELECT risk_id, risk_version FROM risk_events WHERE action = 'grade'",
      )
    ).map((r) => `${r.risk_id}@${r.risk_version}`),
  );
  expect(confirmed.filter((c) => !graded.has(`${c.id}@${c.version}`))).toEqual([]);
  const store = openDb(db, { readonly: true });
  try {
    expect((await verifyHistory(store)).ok).toBe(true);
  } finally {
    await store.close();
  }
}

test("an instance killed under write load loses nothing it confirmed; the other keeps serving, three times", async ({
  baseURL,
  siseDb,
  instances,
}) => {
  test.setTimeout(180_000);
  const load = await writeLoad(baseURL!, siseDb);
  try {
    for (let round = 0; round < 3; round++) {
      const victim = instances[round % 2];
      const before = load.confirmed.length;
      await until(() => load.confirmed.length >= before + 10, 30_000);
      await victim.kill();
      // nginx takes the dead instance out; gradings go on through the other.
      const afterKill = load.confirmed.length;
      await until(() => load.confirmed.length >= afterKill + 10, 30_000);
      await victim.start();
    }
  } finally {
    await load.stop();
  }
  await expectIntact(siseDb, load.confirmed);
  expect(load.confirmed.length).toBeGreaterThanOrEqual(60);
});

test("PostgreSQL stopped and started under write load: a translated 503 meanwhile, nothing confirmed lost, back by itself", async ({
  baseURL,
  siseDb,
  instances,
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "leader");
  const load = await writeLoad(baseURL!, siseDb);
  try {
    await until(() => load.confirmed.length >= 20, 30_000);
    pgCluster("stop");
    try {
      // Both instances notice; users get the translated page, the API and the health check a JSON 503.
      await expect
        .poll(async () => (await fetch(`${instances[0].url}/api/health`)).status, { timeout: 20_000 })
        .toBe(503);
      await expect.poll(async () => (await fetch(`${baseURL}/board`)).status, { timeout: 20_000 }).toBe(503);
      const board = await page.goto("/board");
      expect(board?.status()).toBe(503);
      await expect(page.getByRole("heading", { name: "系统暂时无法使用" })).toBeVisible();
      await expect(page.getByText("已保存的数据不受影响")).toBeVisible();
      const body = await page.content();
      expect(body).not.toMatch(/Error:|at .*\.js:\d+|ECONNREFUSED/);
      const api = await fetch(`${baseURL}/api/v1/board`, { headers: { authorization: "Bearer sise_x" } });
      expect(api.status).toBe(503);
      expect(((await api.json()) as { message: string }).message).toBe("数据库暂时无法连接,请稍后重试。");
    } finally {
      pgCluster("start");
    }
    // No restart of the app: both instances answer again, and gradings are confirmed again.
    for (const instance of instances)
      await expect.poll(async () => (await fetch(`${instance.url}/api/health`)).status, { timeout: 30_000 }).toBe(200);
    const back = load.confirmed.length;
    await until(() => load.confirmed.length >= back + 20, 60_000);
    // The page the user was left on reloads itself into the board.
    await expect(page.getByRole("table", { name: "14 个安全生产领域" })).toBeVisible({ timeout: 20_000 });
  } finally {
    await load.stop();
  }
  await expectIntact(siseDb, load.confirmed);
  expect(load.failed).toBeGreaterThan(0); // the outage was real
});
