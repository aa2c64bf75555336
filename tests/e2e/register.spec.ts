import { expect, test } from "./fixtures";
import { tickColour, tickFilter } from "./filters";
import { signIn } from "./sign-in";

test.describe("register", () => {
  // Reading the register needs an account; the auditor is the read-only one.
  test.beforeEach(async ({ page }) => signIn(page, "auditor"));

  test("shows the seeded register, red first", async ({ page }) => {
    await page.goto("/risks");
    await expect(page.getByRole("heading", { name: "风险台账" })).toBeVisible();
    await expect(page.getByRole("status").first()).toContainText(/共 \d+ 条风险/);
    const firstColour = page.getByRole("row").nth(1).getByRole("cell").nth(1);
    // The colour in words (a red still waiting for a leader also says so).
    await expect(firstColour).toHaveText(/^红(待确认)?$/);
  });

  test("filters by colour and region through the form", async ({ page }) => {
    await page.goto("/risks");
    await tickColour(page, "橙");
    await tickFilter(page, "region", "神木市");
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/colour=orange/);
    const rows = page.getByRole("row").filter({ has: page.getByRole("link") });
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      await expect(row.getByRole("cell").nth(1)).toHaveText("橙");
      // Risks in its towns and villages too, shown with their path (神木市 › 示例镇三).
      await expect(row.getByRole("cell").nth(4)).toHaveText(/^神木市( › |$)/);
    }
  });

  test("filters by several regions and colours at once, and exports just those", async ({ page }) => {
    await page.goto("/risks");
    await tickColour(page, "红");
    await tickColour(page, "橙");
    await tickFilter(page, "region", "榆阳区");
    await tickFilter(page, "region", "神木市");
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/colour=red&colour=orange/);
    await expect(page.locator("#filter-region-summary")).toHaveText("榆阳区、神木市");
    const rows = page.getByRole("row").filter({ has: page.getByRole("link") });
    await expect(rows.first()).toBeVisible();
    const regions = new Set<string>();
    for (const row of await rows.all()) {
      await expect(row.getByRole("cell").nth(1)).toHaveText(/^[红橙]/);
      regions.add((await row.getByRole("cell").nth(4).textContent())!.trim());
    }
    expect([...regions].every((r) => /^(榆阳区|神木市)( › |$)/.test(r))).toBe(true);
    // The export follows the same filter: every row of the file is one of these risks.
    const href = await page.getByRole("link", { name: "导出当前筛选结果(CSV)" }).getAttribute("href");
    expect(href).toMatch(/region=\d+&region=\d+/);
    const csv = await (await page.request.get(href!)).text();
    const dataRows = csv.split("\r\n").filter((l) => /^"YL-/.test(l));
    expect(dataRows.length).toBe(Number((await page.getByRole("status").first().textContent())!.match(/\d+/)![0]));
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
    for (const title of await page.getByRole("row").getByRole("link").allTextContents())
      expect(title).toContain("瓦斯超限");
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
    await expect(
      page.getByRole("cell", { name: /Road traffic|Hazardous chemicals|Urban gas|Coal mines/ }).first(),
    ).toBeVisible();
    await page.getByRole("button", { name: /中文/ }).click();
    await expect(page.getByRole("heading", { name: "风险台账" })).toBeVisible();
  });
});
