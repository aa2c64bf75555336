/**
 * Takes README screenshots of a running server: `BASE_URL=http://localhost:3000 npm run screenshots`.
 * Uses the same Chromium resolution as the e2e tests.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { addDays, mondayOf } from "../lib/domain/dates";
import { isoWeekOf } from "../lib/domain/weeks";
import { chromiumLaunchOptions } from "../tests/e2e/chromium";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = process.env.OUT_DIR ?? "docs/screenshots";
// Demo database accounts (the demo seed); `as` names who is signed in for the shot.
const DEMO_PASSWORD = "sise-demo-2026";
const daysAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
const shots: Array<{
  name: string;
  path: string;
  as?: string;
  locale?: string;
  width?: number;
  height?: number;
  fullPage?: boolean;
  matrix?: [string, string];
  verify?: boolean;
  waitFor?: string;
  menu?: boolean;
}> = [
  { name: "login-zh", path: "/login" },
  { name: "register-zh", path: "/risks", as: "officer" },
  { name: "register-filtered-zh", path: "/risks?q=%E7%87%83%E6%B0%94&sort=nextReview", as: "officer" },
  { name: "register-en", path: "/risks?kind=domain", as: "auditor", locale: "en" },
  { name: "risk-form-zh", path: "/risks/new", as: "officer" },
  { name: "board-zh", path: "/board", as: "leader", width: 1920, height: 1080 },
  { name: "board-matrix-zh", path: "/board?view=matrix", as: "leader", width: 1920, height: 1080 },
  { name: "meeting-1920-zh", path: "/board/meeting", as: "leader", width: 1920, height: 1080 },
  {
    name: "meeting-1280-zh",
    path: `/board/meeting?g=domain&since=${daysAgo(30)}`,
    as: "leader",
    width: 1280,
    height: 720,
  },
  {
    name: "board-trend-zh",
    path: "/board/trend?weeks=52",
    as: "leader",
    width: 1440,
    height: 900,
    waitFor: ".trend-chart .trend-line",
  },
  { name: "admin-users-zh", path: "/admin/users", as: "admin" },
  { name: "admin-user-zh", path: "/admin/users/2", as: "admin", fullPage: true },
  // Grading: the officer's grade page (risk matrix inputs picked, live colour) and a red awaiting a leader.
  {
    name: "grade-zh",
    path: `/risks/${process.env.SHOT_RISK ?? "YL-2025-00100"}/grade`,
    as: "officer",
    fullPage: true,
    matrix: ["4", "5"],
  },
  {
    name: "risk-red-leader-zh",
    path: `/risks/${process.env.SHOT_RED ?? "YL-2026-00073"}`,
    as: "leader",
    fullPage: true,
  },
  { name: "audit-zh", path: "/audit", as: "auditor", verify: true },
  // The working rhythm: daily reports, compliance, the weekly analysis, a meeting record, tasks.
  { name: "reports-zh", path: `/reports?day=${daysAgo(1)}`, as: "leader", fullPage: true },
  { name: "report-file-zh", path: "/reports/file", as: "officer" },
  { name: "compliance-zh", path: "/reports/compliance", as: "leader", fullPage: true },
  { name: "analysis-zh", path: "/analysis", as: "officer", height: 1500, waitFor: ".trend-chart .trend-line" },
  { name: "meeting-record-zh", path: "/meetings/1", as: "leader", fullPage: true },
  { name: "tasks-zh", path: "/tasks", as: "officer" },
  // Phones and laptops: the register as cards, the board as a list, the menu; the board's first screen.
  { name: "register-phone-zh", path: "/risks", as: "officer", width: 390, height: 844 },
  { name: "board-phone-zh", path: "/board", as: "leader", width: 390, height: 844 },
  { name: "menu-phone-zh", path: "/risks", as: "officer", width: 390, height: 844, menu: true },
  { name: "board-1280-zh", path: "/board", as: "leader", width: 1280, height: 720 },
  // Issue 21: a county leader's board opens at the county (县本级 and its towns), the path leads up.
  { name: "board-county-zh", path: "/board", as: "county-leader", width: 1280, height: 720 },
  { name: "territory-import-zh", path: "/admin/territory", as: "admin", width: 1280, height: 720 },
  { name: "meeting-1920-en", path: "/board/meeting", as: "leader", locale: "en", width: 1920, height: 1080 },
  // Issue 22: the hazard loop.
  { name: "hazards-zh", path: "/hazards", as: "inspector", width: 1440, height: 900 },
  {
    name: "hazard-zh",
    path: `/hazards/${process.env.SHOT_HAZARD ?? "YH-2026-00003"}`,
    as: "leader",
    width: 1280,
    height: 1400,
  },
  { name: "hazard-new-phone-zh", path: "/hazards/new", as: "inspector", width: 390, height: 844, fullPage: true },
  { name: "hazard-stats-zh", path: "/hazards/statistics?period=quarter", as: "leader", width: 1440, height: 1100 },
];

/** Documents as their first page, the way a reader sees them (pdftoppm from poppler-utils). */
const documents: Array<{ name: string; path: string; as: string }> = [
  { name: "analysis-pdf-zh", path: "/api/exports/analysis?week={lastWeek}&format=pdf", as: "officer" },
  { name: "board-pdf-zh", path: `/api/exports/board?format=pdf&since=${daysAgo(30)}`, as: "leader" },
  { name: "hazard-stats-pdf-zh", path: "/api/exports/hazard-stats?period=quarter&format=pdf", as: "leader" },
];

/** The ISO week before this one, as the weekly analysis labels it. */
const lastWeekLabel = () => isoWeekOf(addDays(mondayOf(daysAgo(0)), -7)).label;

async function main() {
  const browser = await chromium.launch(chromiumLaunchOptions());
  // ONLY=name,name retakes just those.
  const only = process.env.ONLY?.split(",");
  for (const s of shots.filter((x) => !only || only.includes(x.name))) {
    const context = await browser.newContext({ viewport: { width: s.width ?? 1440, height: s.height ?? 900 } });
    if (s.locale) await context.addCookies([{ name: "NEXT_LOCALE", value: s.locale, url: base }]);
    const page = await context.newPage();
    if (s.as) {
      await page.goto(`${base}/login`);
      await page.locator("#username").fill(s.as);
      await page.locator("#password").fill(DEMO_PASSWORD);
      await page.locator("#main form button[type=submit]").click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    }
    await page.goto(base + s.path);
    if (s.waitFor) await page.locator(s.waitFor).first().waitFor();
    if (s.matrix) {
      // Whatever method the risk was last graded with, the shot shows the matrix being filled in.
      await page.getByRole("radio", { name: "风险矩阵法" }).check();
      await page.selectOption("#matrixL", s.matrix[0]);
      await page.selectOption("#matrixS", s.matrix[1]);
    }
    if (s.menu) await page.locator("details.app-menu > summary").click();
    if (s.verify) {
      await page.getByRole("button", { name: "校验历史记录" }).click();
      await page.getByText(/条记录校验通过/).waitFor();
    }
    await page.screenshot({ path: `${out}/${s.name}.png`, fullPage: s.fullPage ?? false });
    await context.close();
  }
  for (const d of documents.filter((x) => !only || only.includes(x.name))) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.locator("#username").fill(d.as);
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.locator("#main form button[type=submit]").click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    const res = await context.request.get(base + d.path.replace("{lastWeek}", lastWeekLabel()));
    if (!res.ok()) throw new Error(`${d.path}: ${res.status()}`);
    const dir = mkdtempSync(join(tmpdir(), "sise-shot-"));
    writeFileSync(join(dir, "doc.pdf"), await res.body());
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "90",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      join(dir, "doc.pdf"),
      `${out}/${d.name}`,
    ]);
    rmSync(dir, { recursive: true, force: true });
    await context.close();
  }
  await browser.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
