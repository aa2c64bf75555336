/**
 * Client JavaScript per route (issue 18): `npm run bench:client-js`. Opens each main page in
 * Chromium, signed in, on `next start` over the bench database, waits until the network is idle,
 * and adds up every script the page loaded, gzipped at level 9 as a server or proxy would send it.
 * Prints a table; exits 1 if any route loads more than the budget (200 kB gzip).
 */
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../tests/e2e/chromium";
import { openDb } from "../db/open";
import { openDatabase } from "../db/sqlite/connection";
import { startSiseServer, waitForServer } from "./bench-server";
import { benchSessionCookie } from "./bench-session";

const DB = process.env.BENCH_DB ?? "bench/sise-50k.db";
const PORT = Number(process.env.BENCH_PORT ?? 3205);
const BUDGET_KB = 200;

async function main() {
  const store = openDb(DB);
  // The auditor sees the board, reports, analysis and audit; the officer the forms that write.
  const cookies = {
    auditor: await benchSessionCookie(store),
    officer: await benchSessionCookie(store, { role: "officer" }),
  };
  await store.close();
  const db = openDatabase(DB, { readonly: true });
  // A risk the bench officer may change (their scope is set up by benchSessionCookie).
  const code = db
    .prepare(
      `SELECT code FROM risks r WHERE r.region_id IN (SELECT region_id FROM user_scope_regions s JOIN users u ON u.id = s.user_id WHERE u.username = 'bench-officer')
    AND r.area_id IN (SELECT area_id FROM user_scope_areas s JOIN users u ON u.id = s.user_id WHERE u.username = 'bench-officer') ORDER BY r.id LIMIT 1`,
    )
    .pluck()
    .get() as string;
  db.close();
  const routes = [
    "/ping",
    "/login",
    "/risks",
    "/risks?region=4&colour=orange",
    "/board",
    "/board/meeting",
    "/board/trend",
    `/risks/${code}`,
    `/risks/${code}/grade`,
    `/risks/${code}/edit`,
    "/risks/new",
    "/risks/import",
    "/reports",
    "/reports/file",
    "/analysis",
    "/meetings",
    "/tasks",
    "/audit",
    "/account",
  ];
  const officer = (route: string) => /\/(grade|edit|new|import)$|^\/reports\/file$/.test(route);
  const server = startSiseServer({ port: PORT, db: DB, env: { SISE_CHECKPOINT_MINUTES: "0" } });
  const browser = await chromium.launch(chromiumLaunchOptions());
  let over = 0;
  try {
    await waitForServer(PORT);
    console.log(`\n### Client JavaScript per route — ${new Date().toISOString()}\n`);
    console.log("| route | status | scripts | raw kB | gzip kB |");
    console.log("|---|---|---|---|---|");
    for (const route of routes) {
      const context = await browser.newContext();
      const [name, value] = cookies[officer(route) ? "officer" : "auditor"].split(";")[0].split("=");
      if (route !== "/login") await context.addCookies([{ name, value, domain: "127.0.0.1", path: "/" }]);
      const page = await context.newPage();
      const scripts = new Map<string, Buffer>();
      page.on("response", async (res) => {
        if (res.request().resourceType() === "script" && res.ok())
          scripts.set(res.url(), await res.body().catch(() => Buffer.alloc(0)));
      });
      const res = await page.goto(`http://127.0.0.1:${PORT}${route}`, { waitUntil: "networkidle" });
      await page.waitForTimeout(300);
      const raw = [...scripts.values()].reduce((n, b) => n + b.length, 0);
      const gz = [...scripts.values()].reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
      if (gz / 1024 > BUDGET_KB) over += 1;
      console.log(
        `| ${route.replace(code, "RISK")} | ${res?.status()} | ${scripts.size} | ${(raw / 1024).toFixed(0)} | ${(gz / 1024).toFixed(0)}${gz / 1024 > BUDGET_KB ? " (over)" : ""} |`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
  if (over) console.log(`\n${over} route(s) over the ${BUDGET_KB} kB budget.`);
  process.exit(over ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
