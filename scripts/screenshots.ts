/**
 * Takes README screenshots of a running server: `BASE_URL=http://localhost:3000 npm run screenshots`.
 * Uses the same Chromium resolution as the e2e tests.
 */
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../tests/e2e/chromium";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = process.env.OUT_DIR ?? "docs/screenshots";
const shots: Array<{ name: string; path: string; locale?: string; width?: number }> = [
  { name: "register-zh", path: "/risks" },
  { name: "register-filtered-zh", path: "/risks?q=%E7%87%83%E6%B0%94&sort=nextReview" },
  { name: "register-en", path: "/risks?kind=domain", locale: "en" },
  { name: "risk-form-zh", path: "/risks/new" },
];

async function main() {
  const browser = await chromium.launch(chromiumLaunchOptions());
  for (const s of shots) {
    const context = await browser.newContext({ viewport: { width: s.width ?? 1440, height: 900 } });
    if (s.locale) await context.addCookies([{ name: "NEXT_LOCALE", value: s.locale, url: base }]);
    const page = await context.newPage();
    await page.goto(base + s.path);
    await page.screenshot({ path: `${out}/${s.name}.png`, fullPage: false });
    await context.close();
  }
  await browser.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
