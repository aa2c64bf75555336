import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
// A throw-away database per run: the server is started exactly as the README's quick start does
// (npm start → migrations, seed, production build, next start), so that path is tested too. Its
// database is the template: each spec file gets its own copy and server (tests/e2e/fixtures.ts).
const dbPath = "test-results/e2e/sise.db";
const MEASURED = ["**/hostile-server.spec.ts", "**/load.spec.ts", "**/crash.spec.ts"];

export default defineConfig({
  testDir: "tests/e2e",
  // Files run in parallel on two workers (each file on its own server and database copy); the tests
  // of one file run in order, as a person would click through them.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    {
      name: "chromium",
      // tests/e2e/pg/ runs on PostgreSQL only (playwright.pg.config.ts).
      testIgnore: [...MEASURED, "**/pg/**"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() },
    },
    // The specs that time the server (p99 of another user during upload bombs, load, crash rounds)
    // run afterwards, one at a time, with nothing else on the machine's two cores.
    {
      name: "measured",
      testMatch: MEASURED,
      workers: 1,
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() },
    },
  ],
  webServer: {
    command: `rm -rf test-results/e2e && npm start`,
    url: `http://127.0.0.1:${port}/ping`,
    timeout: 300_000,
    // E2E_REUSE=1 runs against a server you already started on E2E_PORT (local iteration only; CI always starts its own).
    reuseExistingServer: process.env.E2E_REUSE === "1",
    stdout: "pipe",
    // The runner has react-server conditions (package.json test:e2e) so specs can use db/ modules;
    // the server it starts must not.
    env: { PORT: String(port), SISE_DB_PATH: dbPath, NEXT_TELEMETRY_DISABLED: "1", NODE_OPTIONS: "" },
  },
});
