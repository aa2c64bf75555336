import { expect, test } from "./fixtures";
import { signIn } from "./sign-in";

/** An admin issues a token for the governance platform; the platform reads with it; revoked, it stops at once. */
test("admin issues an API token, the platform reads the board with it, and a revoked token is refused", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, "admin");
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "API 令牌" }).click();
  const name = `治理平台 ${Date.now()}`;
  await page.getByLabel("名称(使用方)").fill(name);
  await page.getByRole("button", { name: "签发令牌" }).click();
  const token = (await page.getByTestId("new-token").locator("code").textContent())!.trim();
  expect(token).toMatch(/^sise_[A-Za-z0-9_-]{43}$/);

  const platform = await playwright.request.newContext({ baseURL });
  const anonymous = await platform.get("/api/v1/board");
  expect(anonymous.status()).toBe(401);
  const board = await platform.get("/api/v1/board", { headers: { authorization: `Bearer ${token}` } });
  expect(board.status()).toBe(200);
  const body = (await board.json()) as { totals: Record<string, number> };
  expect(body.totals.red + body.totals.orange + body.totals.yellow + body.totals.blue).toBeGreaterThan(0);
  const firstPage = (await (
    await platform.get("/api/v1/risks?limit=5", { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { risks: unknown[]; next: number };
  expect(firstPage.risks).toHaveLength(5);

  await page.reload();
  page.once("dialog", (d) => void d.accept());
  await page
    .getByRole("row", { name: new RegExp(name) })
    .getByRole("button", { name: "吊销" })
    .click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("已于");
  const refused = await platform.get("/api/v1/board", { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { message: string }).message).toBe("API 令牌无效或已被吊销。");
  await platform.dispose();
});
