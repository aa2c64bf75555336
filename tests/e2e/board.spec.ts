import { readFileSync } from "node:fs";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { pdfText } from "./pdf-text";
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
  const cell = domains
    .locator(`td a[href*="region=${regionId}&"]`)
    .filter({ hasText: /^[橙黄蓝] \d+/ })
    .first();
  const cellHref = (await cell.getAttribute("href"))!;
  const reds = Number(await leader.getByTestId("total-red").locator("span").nth(1).textContent());
  const textBefore = (await cell.textContent())!;
  // The minute before anything below happens, in the city's time zone, for the as-of view.
  const minuteBefore = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Shanghai",
    dateStyle: "short",
    timeStyle: "short",
  })
    .format(new Date())
    .replace(" ", "T");
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
  // (The cell may also carry a change mark: the board compares with the last monthly review by default.)
  // (The board's table: the same cells are also in the phone's list, hidden at this width.)
  await expect(leader.locator(`.board-table a[href="${cellHref}"]`)).toHaveText(/红 1(\D|$)/, { timeout: 20_000 });
  await expect(leader.getByTestId("total-red").locator("span").nth(1)).toHaveText(String(reds + 1));
  await expect(leader.getByTestId("awaiting-ack").locator("span").nth(1)).toHaveText(String(awaiting + 1));

  // "What changed since" this morning marks the cell and lists the grading with its reason.
  await leader.goto(`/board?since=${today}`);
  await expect(leader.locator(`.board-table a[href="${cellHref}"] [data-mark]`)).toHaveAttribute(
    "data-mark",
    /^(up|new)$/,
  );
  // The summary strip counts the changed cells, by kind of change.
  await expect(leader.getByTestId("changed-cells").locator(":scope > span").last()).toHaveText(/^[1-9]\d*$/);
  await expect(leader.getByTestId("changed-cells")).toContainText(/↑ \d+ ↓ \d+ ＋ \d+ × \d+/);
  const changes = leader.getByRole("region", { name: /以来的变化/ });
  await expect(changes.getByText(/升为 红\(风险矩阵法\)/).first()).toBeVisible();
  await expect(changes.getByText("原因:夜间巡查发现重大隐患").first()).toBeVisible();

  // The board as it stood a minute before the grading does not show it.
  await leader.goto(`/board?asOf=${minuteBefore}`);
  await expect(leader.getByTestId("as-of-banner")).toBeVisible();
  await expect(leader.locator(`.board-table a[href="${cellHref}"]`)).toHaveText(textBefore);
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
  // Without a reference point (no "changes since"), PageDown moves between the two groups.
  await page.goto("/board?sinceMeeting=none");
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
  // The city's own column (市本级) counts only what is registered at the city itself: own=1.
  await expect(page).toHaveURL(/\/risks\?area=\d+&region=\d+(&own=1)?&open=1/);
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

test("the board prints on one landscape A4 page, with the print time, the legend and every count", async ({ page }) => {
  await signIn(page, "leader");
  await page.goto("/board");
  // A mouse over a cell gets its title (written on first hover, not into the page).
  const firstCell = page.locator('[data-row="0"][data-col="0"]').first();
  await firstCell.hover();
  await expect(firstCell).toHaveAttribute("title", /^发展方向 · 市本级:(无开放风险|[红橙黄蓝] \d+)/);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("board-stamp")).toContainText(/生成于 .*演示·市领导/);
  await expect(page.getByRole("button", { name: "会议模式" })).toBeHidden();
  await expect(page.getByText("已受控,保持现有措施")).toBeVisible();
  // Every count a cell holds — the main one and the others beside it — as the screen has them.
  // …and the four totals, which print as "红 17" too.
  const totals = await Promise.all(
    ["red", "orange", "yellow", "blue"].map(async (c) =>
      (await page.getByTestId(`total-${c}`).textContent())!.replace(/[^红橙黄蓝\d]/g, ""),
    ),
  );
  const onScreen = tokens([...(await page.locator(".board-table .board-cell").allTextContents()), ...totals].join(" "));
  expect(onScreen.size).toBeGreaterThan(3);
  const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  expect(tokens(pdfText(pdf))).toEqual(onScreen);
});

/** "红 2 蓝1 黄3" → how many times each colour-and-count appears: { 红2: 1, 蓝1: 1, 黄3: 1 }. */
function tokens(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.replace(/\s+/g, "").matchAll(/[红橙黄蓝]\d+/g)) out.set(m[0], (out.get(m[0]) ?? 0) + 1);
  return new Map([...out].sort());
}

/** After a step into the other group: the cell named in the URL is the focused one, and it is a change. */
async function expectFocusFromUrl(page: Page) {
  const [row, col] = new URL(page.url()).searchParams.get("focus")!.split("-");
  await expect(page.locator(`[data-row="${row}"][data-col="${col}"]`)).toBeFocused();
  await expect(page.locator("[data-row][data-col]:focus [data-mark]")).toHaveCount(1);
}

const daysAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });

test("meeting mode: a clicker's PageDown steps through the cells that changed, across both groups", async ({
  page,
}) => {
  await signIn(page, "leader");
  await page.goto(`/board?since=${daysAgo(60)}`);
  await page.getByRole("button", { name: "会议模式" }).click();
  await expect(page).toHaveURL(new RegExp(`/board/meeting\\?since=${daysAgo(60)}$`));
  const total = Number((await page.getByTestId("meeting-changes").innerText()).match(/(\d+) 处变化/)![1]);
  const inCategories = await page.locator("[data-mark]").count();
  expect(inCategories).toBeGreaterThan(0);
  expect(total - inCategories).toBeGreaterThan(0); // the walk must cross into the domains
  const focusedMark = page.locator("[data-row][data-col]:focus [data-mark]");
  for (let i = 0; i < inCategories; i++) {
    await page.keyboard.press("PageDown");
    await expect(focusedMark).toHaveCount(1);
  }
  await expect(page).toHaveURL(/g=category|meeting\?since/);
  // The next change is among the 14 domains: the page switches and focuses it.
  await page.keyboard.press("PageDown");
  await expect(page).toHaveURL(/g=domain.*focus=\d+-\d+/);
  await expect(page.getByRole("heading", { name: "14 个安全生产领域" })).toBeVisible();
  await expectFocusFromUrl(page);
  // PageUp goes back to the last change among the categories.
  await page.keyboard.press("PageUp");
  await expect(page).toHaveURL(/g=category.*focus=\d+-\d+/);
  await expect(page.getByRole("heading", { name: "21 类风险" })).toBeVisible();
  await expectFocusFromUrl(page);
  // In full screen a real browser takes the first Esc itself to leave full screen (a synthetic key
  // press does not), and the page sees only the second: leave full screen as the browser would.
  await page.evaluate(() => (document.fullscreenElement ? document.exitFullscreen() : undefined));
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`/board\\?since=${daysAgo(60)}$`));
});

test("the weekly trend agrees with the board and narrows to a region", async ({ page }) => {
  await signIn(page, "leader");
  await page.goto("/board");
  const reds = await page.getByTestId("total-red").locator("span").last().innerText();
  await page.getByRole("link", { name: "周趋势" }).click();
  await expect(page.getByRole("heading", { name: "全市:近 26 周各等级开放风险数" })).toBeVisible();
  await expect(page.locator(".trend-chart:visible .trend-line")).toHaveCount(4);
  await page.getByText("数据表").click();
  const rows = page.getByTestId("trend-table").locator("tbody tr");
  await expect(rows).toHaveCount(27);
  await expect(rows.last().locator('[data-colour="red"]')).toHaveText(reds);
  await page.getByLabel("区域").selectOption({ label: "榆阳区" });
  await page.getByLabel("时间范围").selectOption({ label: "近 13 周" });
  await page.getByRole("button", { name: "应用" }).click();
  await expect(page.getByTestId("trend-scope")).toHaveText("榆阳区:近 13 周各等级开放风险数");
  await expect(rows).toHaveCount(14);
  // A region's count never exceeds the city's: compare the present row with the whole board.
  const regional = Number(await rows.last().locator('[data-colour="red"]').innerText());
  expect(regional).toBeLessThanOrEqual(Number(reds));
});

test("the board exports as a PNG and a one-page PDF with real text: the date, the comparison, every count and the legend", async ({
  page,
}) => {
  await signIn(page, "leader");
  await page.goto(`/board?since=${daysAgo(30)}`);
  await expect(page.getByTestId("board-stamp")).toContainText(`与 ${daysAgo(30)} 起对比`);
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "导出图片(PNG)" }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/^sise-board-\d{8}-\d{4}\.png$/);
  const image = readFileSync((await png.path())!);
  expect(image.subarray(1, 4).toString("latin1")).toBe("PNG");
  // Width and height from the IHDR chunk: the whole board at twice the CSS size.
  expect(image.readUInt32BE(16)).toBeGreaterThan(2000);
  expect(image.readUInt32BE(20)).toBeGreaterThan(1500);
  // The PDF is drawn by the server with real text: the stamp, both groups, every count, the legend.
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 PDF" }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^sise-board-\d{8}-\d{4}\.pdf$/);
  const bytes = readFileSync((await pdf.path())!);
  expect(bytes.toString("latin1").startsWith("%PDF-")).toBe(true);
  expect(bytes.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  expect(bytes.toString("latin1")).not.toMatch(/\/Subtype\s*\/Image/);
  const text = pdfText(bytes).replace(/\s+/g, "");
  for (const words of [
    "风险四色图",
    `与${daysAgo(30)}起对比`,
    "21类风险",
    "14个安全生产领域",
    "已受控,保持现有措施",
    "演示·市领导",
  ])
    expect(text).toContain(words);
  const onScreen = tokens((await page.locator(".board-table .board-cell").allTextContents()).join(" "));
  expect(tokens(text)).toEqual(onScreen);
});
