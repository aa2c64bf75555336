import { expect, test } from "./fixtures";
import { tickFilter } from "./filters";
import { signIn } from "./sign-in";
import { storeValue } from "./store-query";

/**
 * The grading workflow end to end: an officer raises a risk to red by the risk matrix (live colour,
 * override needs a reason), a stale form is refused with the change in words, measures and status
 * move on, a leader acknowledges the red with an instruction, and the auditor's chain verifies.
 */
test.describe.serial("grading workflow", () => {
  let code = "";

  test("officer raises a risk to red; a stale form is refused and shows what changed", async ({ page, context }) => {
    await signIn(page, "officer");
    await page.goto("/risks?kind=domain&colour=blue&status=controlling");
    // The officer's two counties.
    await tickFilter(page, "region", "榆阳区");
    await tickFilter(page, "region", "神木市");
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/region=/);
    await page.getByRole("row").nth(1).getByRole("link").click();
    code = (await page.locator("p.font-mono").first().textContent())!.trim();
    await page.getByRole("link", { name: "评级 / 复核" }).click();
    await expect(page.getByRole("heading", { name: `评级与复核 ${code}` })).toBeVisible();

    // A second tab opened on the same version: it will be stale after the first saves.
    const stale = await context.newPage();
    await stale.goto(`/risks/${code}/grade`);

    await page.getByRole("radio", { name: "风险矩阵法" }).check();
    await page.getByLabel("L 可能性(1–5)").selectOption("4");
    await page.getByLabel("S 严重程度(1–5)").selectOption("5");
    const computed = page.getByTestId("computed-grade");
    await expect(computed).toContainText("R = L × S = 20");
    await expect(computed).toContainText(/红\s*·\s*重大风险/);
    await expect(computed).toContainText("R ≥ 20 为红");

    // Setting another colour than the computed one asks for an override reason.
    await page.getByRole("radio", { name: /橙 · 较大风险/ }).check();
    await page.getByLabel("评级原因").fill("储配站液化气泄漏报警");
    await page.getByRole("button", { name: "保存评级" }).click();
    await expect(page.locator("#overrideReason-error")).toHaveText("所设等级与计算结果不同,必须填写调整理由。");
    await expect(page.getByLabel("评级原因")).toHaveValue("储配站液化气泄漏报警");

    await page.getByRole("radio", { name: "采用计算结果" }).check();
    await page.getByRole("button", { name: "保存评级" }).click();
    await expect(page).toHaveURL(new RegExp(`/risks/${code}\\?graded=1`));
    await expect(page.getByText("正在等待领导确认")).toBeVisible();
    await expect(page.getByText(/将等级由 蓝 升为 红\(风险矩阵法\)/)).toBeVisible();
    await expect(page.getByText("原因:储配站液化气泄漏报警")).toBeVisible();

    await stale.getByLabel("复核意见").fill("现场核查,无变化");
    await stale.getByRole("button", { name: "确认复核" }).click();
    await expect(stale.getByText(/该风险已被他人修改/)).toBeVisible();
    await expect(stale.getByText(/将等级由 蓝 升为 红\(风险矩阵法\) — 储配站液化气泄漏报警/)).toBeVisible();
    await expect(stale.getByLabel("复核意见")).toHaveValue("现场核查,无变化");
  });

  test("officer adds a control measure and moves the status on", async ({ page }) => {
    await signIn(page, "officer");
    await page.goto(`/risks/${code}`);
    const add = page.locator("#measures").locator("div", { has: page.getByRole("heading", { name: "新增管控措施" }) });
    await add.getByLabel("措施内容").fill("关闭进气阀门并加装泄漏报警");
    await add.getByRole("button", { name: "新增" }).click();
    await expect(page).toHaveURL(/measureSaved=1/);
    await expect(page.getByText(/新增管控措施:关闭进气阀门并加装泄漏报警/)).toBeVisible();

    await page.getByLabel("变更为").selectOption({ label: "已化解" });
    await page.getByRole("button", { name: "更新状态" }).click();
    await expect(page.locator("#reason-error")).toHaveText("此项为必填项。");
    await page.getByLabel("变更原因").fill("泄漏点已封堵并验收");
    await page.getByRole("button", { name: "更新状态" }).click();
    await expect(page).toHaveURL(/statusChanged=1/);
    await expect(page.getByText(/将状态由 管控中 改为 已化解/)).toBeVisible();
  });

  test("leader acknowledges the red with an instruction; officers cannot", async ({ page }) => {
    await signIn(page, "leader");
    await page.goto(`/risks/${code}`);
    await expect(page.getByRole("link", { name: "评级 / 复核" })).toHaveCount(0);
    await page.getByLabel("批示(选填)").fill("立即组织排查,三日内报结果");
    await page.getByRole("button", { name: "确认红色等级" }).click();
    await expect(page).toHaveURL(/acknowledged=1/);
    await expect(page.getByText("正在等待领导确认")).toHaveCount(0);
    await expect(page.getByText(/确认了红色等级/)).toBeVisible();
    await expect(page.getByText("批示:立即组织排查,三日内报结果")).toBeVisible();
  });

  test("auditor verifies the whole history", async ({ page }) => {
    await signIn(page, "auditor");
    await page.getByRole("link", { name: "历史审计" }).click();
    await page.getByRole("button", { name: "校验历史记录" }).click();
    await expect(page.getByRole("status").filter({ hasText: /条记录校验通过/ })).toContainText(
      /\d+ 条记录校验通过,链头 [0-9a-f]{64}/,
    );
    await expect(page.getByRole("link", { name: code }).first()).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an officer grades a risk with the plain form post and lands on the risk with the notice", async ({
    page,
    siseDb,
  }) => {
    // A yellow risk in the officer's scope (their counties and areas), graded by the risk matrix.
    const code = (await storeValue<string>(
      siseDb,
      `SELECT r.code FROM risks r WHERE r.colour = 'yellow' AND r.status <> 'resolved' AND r.matrix_l IS NOT NULL
      AND r.region_id IN (SELECT region_id FROM user_scope_regions WHERE user_id = (SELECT id FROM users WHERE username = 'officer'))
      AND r.area_id IN (SELECT area_id FROM user_scope_areas WHERE user_id = (SELECT id FROM users WHERE username = 'officer'))
      ORDER BY r.id LIMIT 1`,
    ))!;
    await signIn(page, "officer");
    await page.goto(`/risks/${code}/grade`);
    await page.getByRole("radio", { name: "风险矩阵法" }).check();
    await page.getByLabel("L 可能性(1–5)").selectOption("2");
    await page.getByLabel("S 严重程度(1–5)").selectOption("2");
    await page.getByLabel("评级原因").fill("无脚本复核:隐患已整改");
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
    await page.getByLabel(/下次复核日期/).fill(tomorrow);
    await page.getByRole("button", { name: "保存评级" }).click();
    await expect(page).toHaveURL(new RegExp(`/risks/${code}\\?graded=1`));
    await expect(page.getByText("原因:无脚本复核:隐患已整改")).toBeVisible();
  });
});
