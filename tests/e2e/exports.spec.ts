import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { signIn } from "./sign-in";

/**
 * An auditor takes the whole history out as CSV, proves it against the database on the audit page,
 * and sees a changed copy refused at the changed row; a filtered export says it is partial.
 */
test("auditor exports the full history, verifies the file, and a tampered copy fails", async ({ page }, testInfo) => {
  await signIn(page, "auditor");
  await page.goto("/audit");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "导出历史记录" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^sise-history-full-\d{14}\.csv$/);
  const file = (await download.path())!;
  const text = readFileSync(file, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toMatch(/^\uFEFF"# sise-export v2; kind=history; scope=full; rows=\d+/);
  expect(text).toContain("导出人:演示·审计员 (auditor)");

  await page.getByLabel("导出文件(CSV 或 XLSX)").setInputFiles(file);
  await page.getByRole("button", { name: "校验文件" }).click();
  await expect(page.getByTestId("verify-export-result")).toContainText(/完整导出校验通过:[\d,]+ 条记录/);

  // Move the 5th event's time by a second: the check names that row by its line in the file
  // (after the lines about the file and the column header, wherever that puts it).
  const lines = text.split("\r\n");
  const index = lines.findIndex((l) => l.startsWith("5,"));
  lines[index] = lines[index].replace(/^5,(\d+)/, (_, at: string) => `5,${Number(at) + 1000}`);
  const tampered = testInfo.outputPath("tampered.csv");
  writeFileSync(tampered, lines.join("\r\n"));
  await page.getByLabel("导出文件(CSV 或 XLSX)").setInputFiles(tampered);
  await page.getByRole("button", { name: "校验文件" }).click();
  await expect(page.getByTestId("verify-export-result")).toContainText(`校验失败:第 ${index + 1} 行(序号 5)`);

  // The export itself is in the history.
  // (The check answered at row 12 of ~3,000; the reload came on the same kept-alive connection,
  // which the unread rest of the upload kept busy until the route learned to read it off.)
  await page.reload();
  await expect(page.getByText(/导出了完整历史记录\(CSV\)/).first()).toBeVisible();
});

test("a filtered export contains only what the filter says and calls itself partial", async ({ page }) => {
  await signIn(page, "auditor");
  await page.goto("/audit");
  await page.getByLabel("事件类型").selectOption(["grade"]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "导出历史记录" }).click(),
  ]);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text).toContain("scope=partial");
  expect(text).toContain("部分导出(已筛选:action=grade)");
  const rows = text.split("\r\n").filter((l) => /^\d+,/.test(l));
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.split(",")[8] === '"grade"')).toBe(true);
});

test("an officer exports the filtered register, in Excel-ready CSV", async ({ page }) => {
  await signIn(page, "officer");
  await page.goto("/risks?colour=red");
  const total = Number((await page.getByRole("status").first().innerText()).match(/(\d+)/)![1]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出当前筛选结果(CSV)" }).click(),
  ]);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text).toMatch(
    new RegExp(`^\\uFEFF"# sise-export v2; kind=register; scope=partial; rows=${total}; filter=colour=red"`),
  );
  const rows = text.split("\r\n").filter((l) => /^"YL-/.test(l));
  expect(rows).toHaveLength(total);
  expect(rows.every((r) => r.includes(',"红","'))).toBe(true);
});

test("the register and the history come as Excel workbooks too", async ({ page }) => {
  await signIn(page, "auditor");
  await page.goto("/risks?colour=red");
  const [register] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出当前筛选结果(Excel)" }).click(),
  ]);
  expect(register.suggestedFilename()).toMatch(/^sise-register-partial-\d{14}\.xlsx$/);
  expect(
    readFileSync((await register.path())!)
      .subarray(0, 2)
      .toString("latin1"),
  ).toBe("PK");
  await page.goto("/audit");
  await page.getByLabel("文件格式").selectOption("xlsx");
  const [history] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "导出历史记录" }).click(),
  ]);
  expect(history.suggestedFilename()).toMatch(/^sise-history-full-\d{14}\.xlsx$/);
  expect(
    readFileSync((await history.path())!)
      .subarray(0, 2)
      .toString("latin1"),
  ).toBe("PK");
});
