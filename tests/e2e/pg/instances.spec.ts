import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser } from "@playwright/test";
import sharp from "sharp";
import { openDb } from "../../../db/open";
import { issueApiToken } from "../../../db/mutations/api-tokens";
import { gradeActionId, gradeRequest, gradingConfirmed, type Target } from "../../../scripts/bench-requests";
import { benchSessionCookie } from "../../../scripts/bench-session";
import { expect, test } from "../fixtures";
import { DEMO_PASSWORD, signIn } from "../sign-in";
import { storeRows, storeValue } from "../store-query";
import { startDeployment } from "./deployment";

/**
 * What only several instances on one PostgreSQL database can get wrong: state one process could
 * keep to itself (a cache, a throttle, a rate window, a timer) must be the database's. Each test
 * pins its users to one instance or the other (not through nginx), so "shared" is proven, not hoped.
 */

const pinned = async (browser: Browser, url: string) => (await browser.newContext({ baseURL: url })).newPage();

test("a grading made through one instance turns the board open on the other, and no instance serves the old board", async ({
  browser,
  instances,
  siseDb,
}) => {
  const [a, b] = instances;
  const leader = await pinned(browser, a.url);
  await signIn(leader, "leader");
  await leader.goto("/board");
  const reds = Number(await leader.getByTestId("total-red").locator("span").nth(1).textContent());

  // The officer, on the other instance, raises a risk of their scope from yellow to red.
  const officer = await pinned(browser, b.url);
  await signIn(officer, "officer");
  const code = await storeValue<string>(
    siseDb,
    `SELECT r.code FROM risks r WHERE r.colour = 'yellow' AND r.status <> 'resolved'
      AND r.region_id IN (SELECT region_id FROM user_scope_regions WHERE user_id = (SELECT id FROM users WHERE username = 'officer'))
      AND r.area_id IN (SELECT area_id FROM user_scope_areas WHERE user_id = (SELECT id FROM users WHERE username = 'officer'))
      ORDER BY r.id LIMIT 1`,
  );
  await officer.goto(`/risks/${code}/grade`);
  await officer.getByRole("radio", { name: "风险矩阵法" }).check();
  await officer.getByLabel("L 可能性(1–5)").selectOption("5");
  await officer.getByLabel("S 严重程度(1–5)").selectOption("5");
  await officer.getByLabel("评级原因").fill("跨实例:夜间巡查发现重大隐患");
  await officer.getByRole("button", { name: "保存评级" }).click();
  await expect(officer).toHaveURL(/graded=1/);

  // A board opened afresh on either instance shows it at once (caches are keyed by the shared head)…
  for (const instance of [a, b]) {
    const fresh = await pinned(browser, instance.url);
    await signIn(fresh, "leader");
    await fresh.goto("/board");
    await expect(fresh.getByTestId("total-red").locator("span").nth(1)).toHaveText(String(reds + 1), {
      timeout: 1_000,
    });
  }
  // …and the board that stayed open on the first instance refreshes itself in place.
  await expect(leader.getByTestId("total-red").locator("span").nth(1)).toHaveText(String(reds + 1), {
    timeout: 20_000,
  });
});

test("a photo attached through one instance is shown and served by the other (the shared attachment store)", async ({
  browser,
  instances,
}) => {
  const [a, b] = instances;
  const inspector = await pinned(browser, b.url);
  await signIn(inspector, "inspector");
  await inspector.goto("/hazards/new");
  await inspector.getByLabel("隐患名称").fill("配电室门未上锁");
  await inspector.getByLabel("类别/领域").selectOption({ index: 1 });
  await inspector.getByLabel("区划").selectOption({ label: "神木市" });
  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#2a6" } })
    .jpeg()
    .toBuffer();
  await inspector
    .locator('input[name="files"]')
    .setInputFiles({ name: "门.jpg", mimeType: "image/jpeg", buffer: photo });
  await inspector.getByRole("button", { name: "登记隐患" }).click();
  await expect(inspector).toHaveURL(/\/hazards\/YH-\d{4}-\d{5}\?created=1/);
  const code = /\/hazards\/(YH-\d{4}-\d{5})/.exec(inspector.url())![1];

  const leader = await pinned(browser, a.url);
  await signIn(leader, "leader");
  await leader.goto(`/hazards/${code}`);
  const preview = leader.getByRole("img", { name: "照片:门.jpg" });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  const href = await leader.getByRole("link").filter({ has: preview }).getAttribute("href");
  const original = await leader.request.get(`${a.url}${href}`);
  expect(original.status()).toBe(200);
  expect(Buffer.from(await original.body()).equals(photo)).toBe(true);
});

test("sign-in throttling counts failures on every instance together", async ({ browser, instances }) => {
  const [a, b] = instances;
  const pages = [await pinned(browser, a.url), await pinned(browser, b.url)];
  // Five wrong passwords for one account, alternating between the instances (three on one, two on
  // the other): each alone stays under the threshold of five.
  for (let i = 0; i < 5; i++) {
    const page = pages[i % 2];
    await page.goto("/login");
    await page.getByLabel("用户名").fill("auditor");
    await page.getByLabel("密码").fill(`not-the-password-${i}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText(/^(用户名或密码错误|尝试次数过多)/)).toBeVisible();
  }
  // The right password, on the instance that saw only two failures, is now refused for a while.
  const page = pages[1];
  await page.goto("/login");
  await page.getByLabel("用户名").fill("auditor");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText(/^尝试次数过多/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("the read API's rate limit is one window for all instances", async ({ instances, siseDb }) => {
  const [a, b] = instances;
  const db = openDb(siseDb);
  const adminId = (await storeValue<number>(siseDb, "SELECT id FROM users WHERE username = 'admin'"))!;
  const { token } = await issueApiToken(db, {
    name: "rate test",
    areaIds: [],
    regionIds: [],
    actor: { id: adminId, name: "admin" },
    now: new Date(),
  });
  await db.close();
  // 15 requests at each instance at once: under the limit of 20 a second for either alone, over it
  // together. A burst that a window boundary happens to split is tried again (at most three times).
  let refused: Response | undefined;
  for (let burst = 0; burst < 3 && !refused; burst++) {
    const answers = await Promise.all(
      [a, b].flatMap((i) =>
        Array.from({ length: 15 }, () =>
          fetch(`${i.url}/api/v1/board`, { headers: { authorization: `Bearer ${token}`, "accept-language": "zh-CN" } }),
        ),
      ),
    );
    expect(answers.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    refused = answers.find((r) => r.status === 429);
    if (!refused) await new Promise((r) => setTimeout(r, 1_100));
  }
  expect(refused, "no request was refused: each instance keeps its own window").toBeDefined();
  expect(refused!.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(((await refused!.json()) as { message: string }).message).toMatch(/请求过于频繁/);
});

test("scheduled work runs once per interval across instances, not once per instance", async () => {
  test.setTimeout(120_000);
  // A deployment of its own whose instances sign the history's head every 3 s.
  const deployment = await startDeployment({
    name: `sise_e2e_schedule_${process.pid}`,
    env: { SISE_CHECKPOINT_MINUTES: "0.05" },
  });
  try {
    const db = openDb(deployment.db);
    const cookie = await benchSessionCookie(db, { role: "officer" });
    await db.close();
    const pool = await storeRows<Target>(
      deployment.db,
      "SELECT id, code, version FROM risks WHERE status IN ('identified', 'controlling') ORDER BY id LIMIT 60",
    );
    const actionId = gradeActionId();
    const day = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
    // The head keeps moving for 15 s (a grading every ~250 ms through either instance), so every run
    // of the schedule has something new to sign.
    const until = Date.now() + 15_000;
    for (let i = 0; Date.now() < until; i++) {
      const t = pool[i % pool.length];
      const instance = deployment.instances[i % 2];
      const request = gradeRequest(
        { ...t, version: t.version + Math.floor(i / pool.length) },
        {
          actionId,
          day,
          headers: { cookie, origin: instance.url },
        },
      );
      const res = await fetch(`${instance.url}${request.path}`, request);
      expect(gradingConfirmed(await res.text(), t.code)).toBe(true);
      await new Promise((r) => setTimeout(r, 250));
    }
    const receipts = readFileSync(join(deployment.dataDir, "receipts", "checkpoints.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { at: number; seq: number });
    // About one signing per 3 s (the first 5 s after start, then every 3 s), never two close together:
    // an instance signing on its own timer as well would add one within a second or two of the other's.
    expect(receipts.length).toBeGreaterThanOrEqual(3);
    const gaps = receipts.slice(1).map((r, i) => r.at - receipts[i].at);
    expect(Math.min(...gaps), `gaps between signings: ${gaps.join(", ")} ms`).toBeGreaterThanOrEqual(2_500);
    const claims = await storeRows<{ name: string; instance: string }>(
      deployment.db,
      "SELECT name, instance FROM scheduled_runs ORDER BY name",
    );
    expect(claims.map((c) => c.name)).toEqual(["history checkpoint", "history derivation"]);
  } finally {
    await deployment.stop();
  }
});
