import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

/**
 * The board in a meeting: a leader keeps it open; an officer raises a risk in one of its cells to
 * red; the leader's board turns that cell red and counts one more red awaiting acknowledgement,
 * without anyone reloading the page.
 */
test("a red grading appears on an open board without a reload", async ({ browser }) => {
  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, "leader");
  await leader.goto("/board");
  const domains = leader.getByRole("table", { name: "14 个安全生产领域" });
  const regionHref = await domains.getByRole("columnheader", { name: "神木市" }).getByRole("link").getAttribute("href");
  const regionId = new URL(regionHref!, "http://x").searchParams.get("region");
  const cell = domains.locator(`td a[href*="region=${regionId}&"]`).filter({ hasText: /^[橙黄蓝] \d+/ }).first();
  const cellHref = (await cell.getAttribute("href"))!;
  const cellId = (await cell.locator("xpath=..").getAttribute("data-testid"))!;
  const reds = Number(await leader.getByTestId("total-red").locator("span").nth(1).textContent());
  const textBefore = (await cell.textContent())!;
  // The minute before anything below happens, in the city's time zone, for the as-of view.
  const minuteBefore = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(new Date()).replace(" ", "T");
  const today = minuteBefore.slice(0, 10);
  const awaiting = Number(await leader.getByTestId("awaiting-ack").locator("span").nth(1).textContent());

  // The officer drills into the same cell from the register and raises its first risk to red.
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, "officer");
  await officer.goto(cellHref);
  await officer.getByRole("row").nth(1).getByRole("link").click();
  const code = (await officer.locator("p.font-mono").first().textContent())!.trim();
  await officer.getByRole("link", { name: "评级 / 复核" }).click();
  await officer.getByRole("radio", { name: "风险矩阵法" }).check();
  await officer.getByLabel("L 可能性(1–5)").selectOption("5");
  await officer.getByLabel("S 严重程度(1–5)").selectOption("5");
  await officer.getByLabel("评级原因").fill("夜间巡查发现重大隐患");
  await officer.getByRole("button", { name: "保存评级" }).click();
  await expect(officer).toHaveURL(/graded=1/);

  // The leader's page was never reloaded: the board refreshes itself in place.
  await expect(leader.getByTestId(cellId).locator("a")).toHaveText(/^红 1/, { timeout: 20_000 });
  await expect(leader.getByTestId("total-red").locator("span").nth(1)).toHaveText(String(reds + 1));
  await expect(leader.getByTestId("awaiting-ack").locator("span").nth(1)).toHaveText(String(awaiting + 1));

  // "What changed since" this morning marks the cell and lists the grading with its reason.
  await leader.goto(`/board?since=${today}`);
  await expect(leader.getByTestId(cellId).locator("[data-mark]")).toHaveAttribute("data-mark", /^(up|new)$/);
  const changes = leader.getByRole("region", { name: /以来的变化/ });
  await expect(changes.getByText(/升为 红\(风险矩阵法\)/).first()).toBeVisible();
  await expect(changes.getByText("原因:夜间巡查发现重大隐患").first()).toBeVisible();

  // The board as it stood a minute before the grading does not show it.
  await leader.goto(`/board?asOf=${minuteBefore}`);
  await expect(leader.getByTestId("as-of-banner")).toBeVisible();
  await expect(leader.getByTestId(cellId).locator("a")).toHaveText(textBefore);
  await expect(leader.getByTestId("total-red").locator("span").nth(1)).toHaveText(String(reds));

  // The leader finds it among the reds awaiting acknowledgement and acknowledges it.
  await leader.goto("/board");
  await leader.getByTestId("awaiting-ack").click();
  await expect(leader).toHaveURL(/\/risks\?ack=1/);
  await leader.locator(`a[href="/risks/${code}"]`).click();
  await leader.getByRole("button", { name: "确认红色等级" }).click();
  await expect(leader).toHaveURL(/acknowledged=1/);
  await leader.goto("/board");
  await expect(leader.getByTestId("awaiting-ack").locator("span").nth(1)).toHaveText(String(awaiting));
});

test("meeting mode: the board alone, driven from the keyboard", async ({ page }) => {
  await signIn(page, "leader");
  await page.goto("/board");
  await page.getByRole("button", { name: "会议模式" }).click();
  await expect(page).toHaveURL(/\/board\/meeting$/);
  await expect(page.getByRole("heading", { name: "21 类风险" })).toBeVisible();
  // No navigation or edit controls, and the four colour definitions are on screen.
  await expect(page.getByRole("link", { name: "风险台账" })).toBeHidden();
  await expect(page.getByText("危险因素多、管控难度大")).toBeVisible();

  await page.keyboard.press("ArrowDown");
  await expect(page.locator('[data-row="0"][data-col="0"]')).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator('[data-row="1"][data-col="1"]')).toBeFocused();
  await page.keyboard.press("PageDown");
  await expect(page).toHaveURL(/g=domain/);
  await expect(page.getByRole("heading", { name: "14 个安全生产领域" })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/risks\?area=\d+&region=\d+&open=1/);
  await page.goBack();
  await expect(page).toHaveURL(/g=domain/);
  // Wait until the page answers the keyboard again (its listener is attached after navigation).
  await expect(async () => {
    await page.keyboard.press("ArrowDown");
    await expect(page.locator("[data-row][data-col]:focus")).toHaveCount(1, { timeout: 500 });
  }).toPass();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/\/board$/);
  await expect(page.getByRole("link", { name: "风险台账" })).toBeVisible();
});

test("the board prints on one landscape A4 page, with the print time and the legend", async ({ page }) => {
  await signIn(page, "leader");
  await page.goto("/board");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText(/^打印时间 /)).toBeVisible();
  await expect(page.getByRole("button", { name: "会议模式" })).toBeHidden();
  await expect(page.getByText("已受控,保持现有措施")).toBeVisible();
  const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
});
