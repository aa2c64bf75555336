import { expect, test } from "./fixtures";
import { Secret, TOTP } from "otpauth";
import { tickFilter } from "./filters";
import { signIn, signOut } from "./sign-in";

test("an anonymous visitor is sent to sign in, and the demo accounts are labelled as such", async ({ page }) => {
  await page.goto("/risks?colour=red");
  await expect(page).toHaveURL(/\/login\?next=%2Frisks/);
  await expect(page.getByText("演示环境", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "演示账号" })).toBeVisible();
  await page.getByLabel("用户名").fill("officer");
  await page.getByLabel("密码").fill("wrong password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "用户名或密码错误" })).toHaveText("用户名或密码错误。");
});

test("pages carry a nonce CSP and the other security headers, and nothing is blocked", async ({ page }) => {
  const blocked: string[] = [];
  page.on("console", (m) => m.type() === "error" && blocked.push(m.text()));
  const res = await page.goto("/login");
  const h = res!.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("object-src 'none'");
  expect(h["content-security-policy"]).toContain("base-uri 'none'");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  await signIn(page, "officer");
  expect(blocked.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  const cookie = (await page.context().cookies()).find((c) => c.name === "sise_session")!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
});

test("officer: edits inside the scope, reads outside it", async ({ page }) => {
  await signIn(page, "officer");
  await page.goto("/risks?kind=domain");
  await tickFilter(page, "region", "神木市");
  await page.getByRole("button", { name: "应用筛选" }).click();
  // The filtered list, not the one before it: a row of 神木市 comes first.
  await expect(page).toHaveURL(/region=/);
  await expect(page.getByRole("row").nth(1)).toContainText("神木市");
  await page.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByRole("link", { name: "编辑" })).toBeVisible();

  await page.goto("/risks?kind=category");
  await page.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByRole("link", { name: "编辑" })).toHaveCount(0);
  await expect(page.getByText("不在您的管辖范围内,只读")).toBeVisible();
  const res = await page.goto(`${page.url()}/edit`);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("auditor: reads everything, sees no edit controls, cannot open edit or admin pages", async ({ page }) => {
  await signIn(page, "auditor");
  await page.goto("/risks");
  await expect(page.getByRole("link", { name: "新增风险" })).toHaveCount(0);
  await page.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "编辑" })).toHaveCount(0);
  expect((await page.goto(`${page.url()}/edit`))?.status()).toBe(403);
  expect((await page.goto("/risks/new"))?.status()).toBe(403);
  expect((await page.goto("/admin/users"))?.status()).toBe(403);
});

test("leader: sees the colour board, cannot edit", async ({ page }) => {
  await signIn(page, "leader");
  await page.getByRole("link", { name: "四色图" }).click();
  await expect(page.getByRole("heading", { name: "风险四色图" })).toBeVisible();
  await expect(page.getByTestId("total-red")).toContainText(/红\s*重大风险\s*\d+/);
  const domains = page.getByRole("table", { name: "14 个安全生产领域" });
  await expect(domains.getByRole("rowheader", { name: "城镇燃气" })).toBeVisible();
  await expect(domains.getByRole("columnheader", { name: "神木市" })).toBeVisible();
  // A filled cell drills into the register, filtered to the open risks it counts.
  const cell = domains.locator("td a", { hasText: /[红橙黄蓝] \d+/ }).first();
  const [, count] = (await cell.locator("b").textContent())!.match(/(\d+)$/)!;
  await cell.click();
  await expect(page).toHaveURL(/\/risks\?area=\d+&region=\d+&open=1/);
  expect(await page.getByRole("row").count()).toBeGreaterThanOrEqual(Number(count) + 1);

  // The risk matrix view: likelihood 5 at the top, severity 1 at the left; a cell drills in too.
  await page.goto("/board");
  await page.getByRole("link", { name: "风险矩阵" }).click();
  await expect(page.getByRole("table", { name: /风险矩阵/ })).toBeVisible();
  await expect(page.getByTestId("matrix-5-5")).toContainText("红 · R 25");
  await expect(page.getByTestId("matrix-1-1")).toContainText("蓝 · R 1");
  const n = Number(await page.getByTestId("matrix-4-5").locator("span").first().textContent());
  await page.getByTestId("matrix-4-5").getByRole("link").click();
  await expect(page).toHaveURL(/\/risks\?ml=4&ms=5&open=1/);
  await expect(page.getByText(new RegExp(`共 ${n} 条风险`))).toBeVisible();
  await expect(page.getByRole("link", { name: "新增风险" })).toHaveCount(0);
  expect((await page.goto("/risks/new"))?.status()).toBe(403);
});

test.describe.serial("admin creates an account; the new user changes the password and turns on two-factor", () => {
  const username = `e2e.${Date.now().toString(36)}`;
  let temporary = "";
  const newPassword = "e2e passphrase for sise";

  test("admin creates a scoped officer and gets a one-time password", async ({ page }) => {
    await signIn(page, "admin");
    await page.getByRole("link", { name: "系统管理", exact: true }).click();
    await page.getByRole("link", { name: "新建用户" }).click();
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("姓名").fill("测试风险管理员");
    await page.getByLabel("风险管理员").check();
    await page.getByRole("button", { name: "创建用户" }).click();
    await expect(page.locator("#areaIds-error")).toContainText("至少需要一个类别/领域和一个区域");
    await page.getByLabel("城镇燃气").check();
    await page.getByLabel("府谷县").check();
    await page.getByRole("button", { name: "创建用户" }).click();
    const status = page.getByRole("status");
    await expect(status).toContainText(`用户 ${username} 已创建`);
    temporary = (await status.textContent())!.match(/临时密码:(\S+)/)![1];
    await page.goto("/admin/users");
    await expect(page.getByRole("row", { name: new RegExp(username) })).toContainText("待改密码");
  });

  test("the new user must change the temporary password first", async ({ page }) => {
    await signIn(page, username, temporary);
    await expect(page).toHaveURL(/\/account\/password/);
    await page.getByLabel("当前密码").fill(temporary);
    await page.getByLabel("新密码", { exact: true }).fill(newPassword);
    await page.getByLabel("确认新密码").fill(newPassword);
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page.getByRole("status")).toContainText("密码已修改");
  });

  test("two-factor: enrol with the shown key, then sign-in asks for a code", async ({ page }) => {
    await signIn(page, username, newPassword);
    await page.goto("/account/two-factor");
    await page.getByRole("button", { name: "开启双重验证" }).click();
    const key = (await page.getByTestId("totp-key").textContent())!.trim();
    const totp = new TOTP({ secret: Secret.fromBase32(key) });
    await page.getByLabel("验证码").fill(totp.generate());
    await page.getByRole("button", { name: "确认开启" }).click();
    await expect(page.getByRole("status")).toContainText("双重验证已开启");
    await signOut(page);

    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(newPassword);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/login\/verify/);
    // The code just used for enrolment is refused (no replay); wait for the next 30-second step.
    const next = Math.ceil(Date.now() / 30_000) * 30_000;
    await page.waitForTimeout(next - Date.now() + 200);
    await page.getByLabel("验证码").fill(totp.generate());
    await page.getByRole("button", { name: "验证" }).click();
    await expect(page).toHaveURL(/\/risks/);
  });
});
