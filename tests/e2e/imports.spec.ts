import { writeFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { signIn } from "./sign-in";

/**
 * An officer brings a register from Excel: the dry run lists every row's fate and every error in
 * words and writes nothing; a corrected file is imported on confirmation and the new risk is in the
 * register, its history naming the file.
 */
test("officer imports a register: dry run with errors, then a clean import", async ({ page }, testInfo) => {
  await signIn(page, "officer");
  await page.goto("/risks");
  await page.getByRole("link", { name: "导入台账" }).click();
  await expect(page.getByRole("heading", { name: "导入风险台账" })).toBeVisible();

  const header =
    "code,title,description,area_code,region_code,colour,status,responsible_unit_code,responsible_person,co_unit_codes,next_review_date";
  const title = `神木市液化气储配站风险 ${Date.now()}`;
  const bad = testInfo.outputPath("台账-有错.csv");
  writeFileSync(
    bad,
    `\uFEFF${header}\r\n,"${title}",,S03,610881,黄,,U-ZJJ,李娜,,\r\n,"无责任人的风险",,S99,610881,紫,,U-ZJJ,,,\r\n`,
  );
  await page.getByLabel("台账文件(XLSX 或 CSV,最大 10 MB)").setInputFiles(bad);
  await page.getByRole("button", { name: "检查(不写入)" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText(
    "台账-有错.csv:新增 1 项,更新 0 项,无变化 0 项,不在管辖范围且未改动 0 项(跳过),错误 1 行",
  );
  const errorRow = page.locator('[data-testid=import-rows] tr[data-action="error"]');
  await expect(errorRow).toContainText("“responsible_person”不能为空");
  await expect(errorRow).toContainText("“area_code”中的“S99”不存在或已停用");
  await expect(errorRow).toContainText("等级“紫”无法识别");
  await expect(page.getByRole("button", { name: "确认导入" })).toBeDisabled();

  const good = testInfo.outputPath("台账.csv");
  writeFileSync(good, `\uFEFF${header}\r\n,"${title}",,S03,610881,黄,,U-ZJJ,李娜,,\r\n`);
  await page.getByLabel("台账文件(XLSX 或 CSV,最大 10 MB)").setInputFiles(good);
  await page.getByRole("button", { name: "检查(不写入)" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText(
    "台账.csv:新增 1 项,更新 0 项,无变化 0 项,不在管辖范围且未改动 0 项(跳过),错误 0 行",
  );
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-done")).toHaveText("导入完成:新增 1 项,更新 0 项(文件 台账.csv)。");

  await page.goto(`/risks?q=${encodeURIComponent("液化气储配站")}`);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("原因:从文件 台账.csv 导入").first()).toBeVisible();
});
