import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { tickFilter } from "./filters";
import { signIn } from "./sign-in";

// The demo officer grades the safety-production domains in 榆阳区 and 神木市.
test.beforeEach(async ({ page }) => signIn(page, "officer"));

function shanghaiDay(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
}

async function fillValidRisk(page: Page, title: string) {
  await page.getByLabel("风险名称").fill(title);
  await page.getByLabel("风险描述").fill("门店后厨燃气软管老化,未安装泄漏报警。");
  await page.getByLabel("风险类别/安全生产领域").selectOption({ label: "城镇燃气" });
  await page.getByLabel("区域").selectOption({ label: "神木市" });
  await page.getByLabel("责任单位(牵头单位)").selectOption({ label: "市住房和城乡建设局" });
  await page.getByRole("textbox", { name: /^责任人/ }).fill("王敏");
  await page.getByRole("checkbox", { name: "市应急管理局" }).check();
  // Risk matrix 3 × 4 = 12: the form shows orange before anything is saved.
  await page.getByLabel("L 可能性(1–5)").selectOption("3");
  await page.getByLabel("S 严重程度(1–5)").selectOption("4");
  await expect(page.getByTestId("computed-grade")).toContainText("R = L × S = 12");
  await expect(page.getByTestId("computed-grade")).toContainText(/橙\s*·\s*较大风险/);
  await page.getByLabel("下次复核日期").fill(shanghaiDay(10));
}

test("create a risk: field errors next to the fields, then it appears in the register", async ({ page }) => {
  const title = `神木市餐饮街燃气软管老化风险 ${Date.now()}`;
  await page.goto("/risks/new");

  // Empty submit: the browser-side schema answers at once, next to each field.
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#title-error")).toHaveText("此项为必填项。");
  await expect(page.locator("#areaId-error")).toHaveText("请选择类别或领域。");
  await expect(page.locator("#responsiblePerson-error")).toHaveText("此项为必填项。");

  // A review date beyond orange's 15-day cadence passes the form but the server refuses it.
  await fillValidRisk(page, title);
  await page.getByLabel("下次复核日期").fill(shanghaiDay(40));
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#nextReviewDate-error")).toContainText("至少每 15 天复核一次");
  await expect(page.getByLabel("风险名称")).toHaveValue(title);
  await expect(page.getByLabel("下次复核日期")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("下次复核日期").fill(shanghaiDay(10));
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/risks\/YL-\d{4}-\d{5}\?created=1/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("已创建");
  await expect(page.getByText("风险矩阵法 · L=3,S=4,R=12")).toBeVisible();
  await expect(page.getByText(/创建了该风险,初始等级 橙/)).toBeVisible();

  await page.goto(`/risks?q=${encodeURIComponent("餐饮街燃气软管")}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("edit a risk's details: each change is in the history with its reason", async ({ page }) => {
  await page.goto("/risks?kind=domain&colour=blue&status=controlling");
  await tickFilter(page, "region", "榆阳区");
  await page.getByRole("button", { name: "应用筛选" }).click();
  await expect(page).toHaveURL(/region=/);
  await page.getByRole("row").nth(1).getByRole("link").click();
  const code = (await page.locator("p.font-mono").first().textContent())!.trim();
  await page.getByRole("link", { name: "编辑" }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await page.getByRole("textbox", { name: /^责任人/ }).fill("赵磊");
  await page.getByLabel("变更原因").fill("人员调整");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(new RegExp(`/risks/${code}\\?saved=1`));
  await expect(page.getByText(/修改了责任人:.* → 赵磊/)).toBeVisible();
  await expect(page.getByText("原因:人员调整").first()).toBeVisible();
});

test("an unknown risk is a translated 404", async ({ page }) => {
  const res = await page.goto("/risks/YL-1999-00001");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});
