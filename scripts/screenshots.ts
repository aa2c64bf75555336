/**
 * Takes README screenshots of a running server: `BASE_URL=http://localhost:3000 npm run screenshots`.
 * Uses the same Chromium resolution as the e2e tests.
 */
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../tests/e2e/chromium";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = process.env.OUT_DIR ?? "docs/screenshots";
// Demo database accounts (the demo seed); `as` names who is signed in for the shot.
const DEMO_PASSWORD = "sise-demo-2026";
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
const shots: Array<{ name: string; path: string; as?: string; locale?: string; width?: number; height?: number; fullPage?: boolean; matrix?: [string, string]; verify?: boolean; waitFor?: string }> = [
  { name: "login-zh", path: "/login" },
  { name: "register-zh", path: "/risks", as: "officer" },
  { name: "register-filtered-zh", path: "/risks?q=%E7%87%83%E6%B0%94&sort=nextReview", as: "officer" },
  { name: "register-en", path: "/risks?kind=domain", as: "auditor", locale: "en" },
  { name: "risk-form-zh", path: "/risks/new", as: "officer" },
  { name: "board-zh", path: "/board", as: "leader", width: 1920, fullPage: true },
  { name: "board-matrix-zh", path: "/board?view=matrix", as: "leader", width: 1920, height: 1080 },
  { name: "meeting-1920-zh", path: "/board/meeting", as: "leader", width: 1920, height: 1080 },
  { name: "meeting-1280-zh", path: `/board/meeting?g=domain&since=${daysAgo(30)}`, as: "leader", width: 1280, height: 720 },
  { name: "board-trend-zh", path: "/board/trend?weeks=52", as: "leader", width: 1440, height: 900, waitFor: ".recharts-line" },
  { name: "admin-users-zh", path: "/admin/users", as: "admin" },
  { name: "admin-user-zh", path: "/admin/users/2", as: "admin", fullPage: true },
  // Grading: the officer's grade page (risk matrix inputs picked, live colour) and a red awaiting a leader.
  { name: "grade-zh", path: `/risks/${process.env.SHOT_RISK ?? "YL-2024-00004"}/grade`, as: "officer", fullPage: true, matrix: ["4", "5"] },
  { name: "risk-red-leader-zh", path: `/risks/${process.env.SHOT_RED ?? "YL-2025-00146"}`, as: "leader", fullPage: true },
  { name: "audit-zh", path: "/audit", as: "auditor", verify: true },
  // The working rhythm: daily reports, compliance, the weekly analysis, a meeting record, tasks.
  { name: "reports-zh", path: `/reports?day=${daysAgo(1)}`, as: "leader", fullPage: true },
  { name: "report-file-zh", path: "/reports/file", as: "officer" },
  { name: "compliance-zh", path: "/reports/compliance", as: "leader", fullPage: true },
  { name: "analysis-zh", path: "/analysis", as: "officer", height: 1500, waitFor: ".recharts-line" },
  { name: "meeting-record-zh", path: "/meetings/1", as: "leader", fullPage: true },
  { name: "tasks-zh", path: "/tasks", as: "officer" },
];

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
      await page.selectOption("#matrixL", s.matrix[0]);
      await page.selectOption("#matrixS", s.matrix[1]);
    }
    if (s.verify) {
      await page.locator("#main form button[type=submit]").click();
      await page.locator("#main [role=status]").waitFor();
    }
    await page.screenshot({ path: `${out}/${s.name}.png`, fullPage: s.fullPage ?? false });
    await context.close();
  }
  await browser.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
