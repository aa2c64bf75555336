import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test.describe("register", () => {
  // Reading the register needs an account; the auditor is the read-only one.
  test.beforeEach(async ({ page }) => signIn(page, "auditor"));

  test("shows the seeded register, red first", async ({ page }) => {
    await page.goto("/risks");
    await expect(page.getByRole("heading", { name: "风险台账" })).toBeVisible();
    await expect(page.getByRole("status").first()).toContainText(/共 \d+ 条风险/);
    const firstColour = page.getByRole("row").nth(1).getByRole("cell").nth(1);
    await expect(firstColour).toHaveText("红");
  });

  test("filters by colour and region through the form", async ({ page }) => {
    await page.goto("/risks");
    await page.getByLabel("风险等级").selectOption({ label: "橙 · 较大风险" });
    await page.getByLabel("区域").selectOption({ label: "神木市" });
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/colour=orange/);
    const rows = page.getByRole("row").filter({ has: page.getByRole("link") });
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      await expect(row.getByRole("cell").nth(1)).toHaveText("橙");
      await expect(row.getByRole("cell").nth(4)).toHaveText("神木市");
    }
  });

  test("searches Chinese substrings of two and more characters", async ({ page }) => {
    await page.goto("/risks");
    // "沉陷" and "瓦斯超限" occur in the seeded titles only, so every hit must show them.
    await page.getByLabel("搜索标题或描述").fill("沉陷");
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/q=/);
    const links = page.getByRole("row").getByRole("link");
    await expect(links.first()).toBeVisible();
    for (const title of await links.allTextContents()) expect(title).toContain("沉陷");

    await page.goto(`/risks?q=${encodeURIComponent("瓦斯超限")}`);
    for (const title of await page.getByRole("row").getByRole("link").allTextContents()) expect(title).toContain("瓦斯超限");
  });

  test("says which unrecognised filters it ignored", async ({ page }) => {
    await page.goto("/risks?colour=purple&region=abc");
    const notice = page.getByText(/部分筛选条件无法识别/);
    await expect(notice).toContainText("风险等级");
    await expect(notice).toContainText("区域");
  });

  test("switches to English and back", async ({ page }) => {
    await page.goto("/risks?kind=domain");
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.getByRole("heading", { name: "Risk register" })).toBeVisible();
    await expect(page.getByRole("cell", { name: /Road traffic|Hazardous chemicals|Urban gas|Coal mines/ }).first()).toBeVisible();
    await page.getByRole("button", { name: /中文/ }).click();
    await expect(page.getByRole("heading", { name: "风险台账" })).toBeVisible();
  });
});
