import { expect, test } from "./fixtures";
import { pdfText } from "./pdf-text";
import { signIn } from "./sign-in";
import { storeValue } from "./store-query";

/**
 * The four-level territory as its users meet it (issue 21), on the demo's labelled sample towns and
 * villages under 榆阳区 and 神木市: a leader drills from the city to a county to a town and back up
 * by the path; a division's board counts exactly what the register holds below it; a town's
 * officer may edit inside the town and not in the next one; a county leader's board opens at home.
 */
const total = async (page: import("@playwright/test").Page) =>
  (
    await Promise.all(
      ["red", "orange", "yellow", "blue"].map(async (c) =>
        Number(await page.getByTestId(`total-${c}`).locator("span").nth(1).textContent()),
      ),
    )
  ).reduce((a, b) => a + b, 0);

test("the board drills city → county → town by the column headings and back up by the path", async ({ page }) => {
  await signIn(page, "leader");
  await page.goto("/board");
  const path = page.getByTestId("territory-path");
  await expect(path).toHaveText("全市");
  const domains = page.getByRole("table", { name: "14 个安全生产领域" });
  await expect(domains.getByRole("columnheader", { name: "市本级" })).toBeVisible();
  await domains.getByRole("columnheader", { name: "榆阳区" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/board\?region=\d+/);
  await expect(path).toHaveText(/全市\s*›\s*榆阳区/);
  await expect(domains.getByRole("columnheader", { name: "县本级" })).toBeVisible();
  await expect(domains.getByRole("columnheader", { name: "示例镇二" })).toBeVisible();
  const county = await total(page);

  await domains.getByRole("columnheader", { name: "示例镇一" }).getByRole("link").click();
  await expect(path).toHaveText(/全市\s*›\s*榆阳区\s*›\s*示例镇一/);
  await expect(domains.getByRole("columnheader", { name: "乡镇本级" })).toBeVisible();
  await expect(domains.getByRole("columnheader", { name: "示例村甲" })).toBeVisible();
  // The town's board counts exactly the open risks the register holds in the town and its villages.
  const town = await total(page);
  expect(town).toBeGreaterThan(0);
  expect(town).toBeLessThanOrEqual(county);
  const townId = new URL(page.url()).searchParams.get("region");
  await page.goto(`/risks?region=${townId}&open=1`);
  await expect(page.getByRole("status").filter({ hasText: /共 \d+ 条风险/ })).toHaveText(`共 ${town} 条风险`);

  await page.goBack();
  await path.getByRole("link", { name: "榆阳区" }).click();
  await expect(path).toHaveText(/全市\s*›\s*榆阳区$/);
  await path.getByRole("link", { name: "全市" }).click();
  await expect(page).toHaveURL(/\/board\?region=\d+$/);
  await expect(path).toHaveText("全市");
});

test("a town officer edits risks inside the town and only reads those of the next town", async ({ page, siseDb }) => {
  const riskIn = async (townCode: string) =>
    (await storeValue<string>(
      siseDb,
      `SELECT r.code FROM risks r JOIN regions g ON g.id = r.region_id JOIN areas a ON a.id = r.area_id
        WHERE a.kind = 'domain' AND r.status <> 'resolved' AND (g.code = ? OR g.code LIKE ? || '%')
        ORDER BY g.level DESC, r.id LIMIT 1`,
      townCode,
      townCode,
    ))!;
  const [own, next] = [await riskIn("610802901"), await riskIn("610802902")];
  await signIn(page, "town-officer");
  await page.goto(`/risks/${own}`);
  await expect(page.getByRole("link", { name: "评级 / 复核" })).toBeVisible();
  await page.goto(`/risks/${next}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "评级 / 复核" })).toHaveCount(0);
  // Asking for the next town's grading form directly is refused (403), in words.
  const refused = await page.goto(`/risks/${next}/grade`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("a county leader's board opens at the county", async ({ page }) => {
  await signIn(page, "county-leader");
  await page.goto("/board");
  await expect(page.getByTestId("territory-path")).toHaveText(/全市\s*›\s*榆阳区$/);
  await expect(
    page.getByRole("table", { name: "14 个安全生产领域" }).getByRole("columnheader", { name: "县本级" }),
  ).toBeVisible();
  // The whole city is one click up.
  await page.getByTestId("territory-path").getByRole("link", { name: "全市" }).click();
  await expect(
    page.getByRole("table", { name: "14 个安全生产领域" }).getByRole("columnheader", { name: "神木市" }),
  ).toBeVisible();
});

test("a town's board as PDF names the town by its path and counts what the screen counts", async ({ page, siseDb }) => {
  const town = (await storeValue<number>(siseDb, "SELECT id FROM regions WHERE name_zh = '示例镇一'"))!;
  await signIn(page, "leader");
  await page.goto(`/board?region=${town}`);
  const onScreen = await total(page);
  const res = await page.request.get(`/api/exports/board?region=${town}&format=pdf`);
  expect(res.status()).toBe(200);
  const layout = pdfText(await res.body());
  const text = layout.replace(/\s+/g, "");
  expect(text).toContain("风险四色图·榆阳区›示例镇一");
  expect(text).toContain("乡镇本级");
  // The four totals as the PDF prints them ("红 · 重大风险      0" …) add up to the screen's.
  const printed = [...layout.matchAll(/[红橙黄蓝]\s*·\s*\S{1,4}风险\s+(\d+)/g)].slice(0, 4).map((m) => Number(m[1]));
  expect(printed).toHaveLength(4);
  expect(printed.reduce((a, b) => a + b, 0)).toBe(onScreen);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the register's division search takes the typed name, and says so when it names none or several", async ({
    page,
    siseDb,
  }) => {
    const town = (await storeValue<number>(siseDb, "SELECT id FROM regions WHERE name_zh = '示例镇一'"))!;
    await signIn(page, "leader");
    await page.goto("/risks");
    const search = page.getByPlaceholder("查找乡镇、村");
    await search.fill("示例镇一");
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]region=${town}(&|$)`));
    await expect(page).not.toHaveURL(/regionText/);
    // The town is in the filter now, labelled by its path, and the register holds only what is below it.
    await expect(page.getByText("榆阳区 › 示例镇一").first()).toBeVisible();
    await page.getByPlaceholder("查找乡镇、村").fill("示例村");
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page.getByRole("alert")).toContainText("有多个区划与输入相符");
  });
});
