import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/e2e/chromium";

/**
 * The e2e suite on PostgreSQL (issue 20): DATABASE_URL=postgres://… names a server where the runner
 * may create databases. Each spec file gets its own copy of a seeded template database and two
 * production instances behind nginx (tests/e2e/pg/deployment.ts), so every click may land on either.
 * The roles, grading, live board and export/verify specs run as on SQLite; tests/e2e/pg/ holds what
 * only several instances have (shared state, one scheduled run) and the fault tests.
 */
const SHARED = ["roles.spec.ts", "grading.spec.ts", "board.spec.ts", "exports.spec.ts"];
const FAULTS = ["pg/faults.spec.ts"];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  globalSetup: "./tests/e2e/pg/global-setup.ts",
  globalTeardown: "./tests/e2e/pg/global-teardown.ts",
  use: {
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    {
      name: "pg",
      testMatch: [...SHARED, "pg/instances.spec.ts"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() },
    },
    // Killing instances and restarting the database under load: alone on the machine, afterwards.
    {
      name: "pg-faults",
      testMatch: FAULTS,
      workers: 1,
      dependencies: ["pg"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() },
    },
  ],
});
