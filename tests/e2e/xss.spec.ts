import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { signIn } from "./sign-in";

const shanghaiDay = (offset: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offset * 86_400_000));

/**
 * Markup typed into a risk is data, never code: a title, a reason and a person's name carrying
 * HTML and script show as the characters typed on every page that shows them, nothing runs, and
 * in the CSV export a cell that a spreadsheet would take for a formula is neutralised.
 */
test("HTML and script in a risk render as text everywhere, and formulas are neutralised in exports", async ({
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const title = `=HYPERLINK("http://x") <img src=x onerror="window.__xss=1"><script>window.__xss=2</script> 燃气风险 ${stamp}`;
  const person = `<b onmouseover="window.__xss=3">王敏</b>`;
  const reason = `<svg onload="window.__xss=4"></svg>发现隐患`;
  const officer = await (await browser.newContext()).newPage();
  const dialogs: string[] = [];
  officer.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(officer, "officer");
  await officer.goto("/risks/new");
  await officer.getByLabel("风险名称").fill(title);
  await officer.getByLabel("风险类别/安全生产领域").selectOption({ label: "城镇燃气" });
  await officer.getByLabel("区域").selectOption({ label: "神木市" });
  await officer.getByLabel("责任单位(牵头单位)").selectOption({ label: "市住房和城乡建设局" });
  await officer.getByRole("textbox", { name: /^责任人/ }).fill(person);
  await officer.getByLabel("L 可能性(1–5)").selectOption("5");
  await officer.getByLabel("S 严重程度(1–5)").selectOption("5");
  await officer.getByLabel("下次复核日期").fill(shanghaiDay(3));
  await officer.getByRole("button", { name: "保存" }).click();
  await expect(officer).toHaveURL(/\/risks\/YL-\d{4}-\d{5}\?created=1/);
  const code = new URL(officer.url()).pathname.split("/").pop()!;
  await expect(officer.getByRole("heading", { name: title })).toBeVisible();
  await expect(officer.getByText(person)).toBeVisible();

  const leader = await (await browser.newContext()).newPage();
  leader.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(leader, "leader");
  for (const [page, path] of [
    [officer, `/risks?q=${encodeURIComponent(stamp)}`],
    [officer, `/risks/${code}`],
    [leader, `/risks/${code}`],
    [leader, "/board"],
    [leader, "/analysis"],
  ] as const) {
    await page.goto(path);
    await page.mouse.move(10, 10);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
    expect(await page.locator("#main img[src='x'], #main svg[onload], #main b[onmouseover]").count(), path).toBe(0);
  }
  await officer.goto(`/risks?q=${encodeURIComponent(stamp)}`);
  await expect(officer.getByRole("link", { name: title })).toBeVisible();

  // The risk is red (5 × 5): the leader acknowledges it with a hostile instruction, shown as typed.
  await leader.goto(`/risks/${code}`);
  await leader.getByLabel("批示(选填)").fill(reason);
  await leader.getByRole("button", { name: "确认红色等级" }).click();
  await expect(leader).toHaveURL(/acknowledged=1/);
  await expect(leader.getByText(`批示:${reason}`)).toBeVisible();
  expect(await leader.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await leader.locator("#main svg[onload]").count()).toBe(0);

  // CSV: the title's leading "=" is neutralised so a spreadsheet shows it as text.
  await officer.goto(`/risks?q=${encodeURIComponent(stamp)}`);
  const [download] = await Promise.all([
    officer.waitForEvent("download"),
    officer.getByRole("link", { name: "导出当前筛选结果(CSV)" }).click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8");
  const row = csv.split("\r\n").find((l) => l.startsWith(`"${code}"`))!;
  expect(row).toContain(`"'=HYPERLINK(""http://x"") <img`);
  expect(row).not.toMatch(/,"=/);
  expect(dialogs).toEqual([]);
});
