import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { strFromU8, unzipSync } from "fflate";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./sign-in";

const beijing = (ms: number) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(
    new Date(ms),
  );

async function setCutoff(page: Page, cutoff: string) {
  await page.goto("/admin/settings");
  await page.getByLabel("每日截止时间").fill(cutoff);
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: /设置已保存|没有任何修改/ })).toBeVisible();
}

/**
 * 日报告: the officer files for two units (one a zero report); once the cut-off has passed, a unit
 * that did not file shows as late (逾期未报), by name, on the status page and on the board.
 */
test("two units file (one zero report) and a unit that did not is shown late", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await setCutoff(admin, "23:59");
  try {
    const officer = await (await browser.newContext()).newPage();
    await signIn(officer, "officer");
    await officer.goto("/reports/file");
    await expect(officer.getByLabel("单位", { exact: true })).toHaveValue(/\d+/);
    await officer.getByLabel("单位", { exact: true }).selectOption({ label: "市应急管理局" });
    await officer.getByRole("button", { name: "切换" }).click();
    await officer.getByRole("radio", { name: /零报告/ }).check();
    await officer.getByRole("button", { name: "报送零报告" }).click();
    await expect(officer.getByRole("status").filter({ hasText: /的零报告。$/ })).toBeVisible();

    await officer.getByLabel("单位", { exact: true }).selectOption({ label: "市交通运输局" });
    await officer.getByRole("button", { name: "切换" }).click();
    await officer.getByRole("radio", { name: "报送新增情况" }).check();
    await officer.getByLabel("情况说明", { exact: true }).last().fill("G65 榆林段结冰,已设置警示标志并安排除冰。");
    await officer.getByRole("button", { name: "报送", exact: true }).click();
    await expect(officer.getByRole("status").filter({ hasText: /的日报告。$/ })).toBeVisible();

    // The cut-off moves to midnight: every unit that has not filed today is now late.
    await setCutoff(admin, "00:00");
    const leader = await (await browser.newContext()).newPage();
    await signIn(leader, "leader");
    await leader.goto("/reports");
    await expect(leader.getByTestId("report-row-U-YJJ").getByText("零报告", { exact: true })).toBeVisible();
    await expect(leader.getByTestId("report-row-U-JTJ").getByText("已报", { exact: true })).toBeVisible();
    await expect(leader.getByTestId("report-row-U-JTJ")).toContainText("G65 榆林段结冰");
    await expect(leader.getByTestId("report-row-U-GAJ").getByText("逾期未报", { exact: true })).toBeVisible();
    const overdue = leader.getByTestId("overdue-units");
    await expect(overdue).toContainText("市公安局");
    await expect(overdue).not.toContainText("市应急管理局");
    await expect(overdue).not.toContainText("市交通运输局");
    // The board's strip names the late units as well.
    await leader.goto("/board");
    await expect(leader.getByTestId("strip-missing")).toContainText("市公安局");
    await expect(leader.getByTestId("strip-missing")).not.toContainText("市应急管理局");
  } finally {
    await setCutoff(admin, "17:00");
  }
});

/** 周分析: last week's analysis lists exactly the escalations the history holds for that week, and exports them. */
test("the weekly analysis of a seeded week lists exactly its escalations", async ({ page, siseDb }) => {
  const db = new Database(siseDb, { readonly: true, fileMustExist: true });
  const monday = new Date(Date.now() + 8 * 3_600_000);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7);
  const start = Date.parse(`${monday.toISOString().slice(0, 10)}T00:00:00+08:00`);
  const severity = "CASE value WHEN '\"red\"' THEN 4 WHEN '\"orange\"' THEN 3 WHEN '\"yellow\"' THEN 2 ELSE 1 END";
  const expected = (
    db
      .prepare(
        `SELECT r.code FROM risk_events e JOIN risks r ON r.id = e.risk_id
    WHERE e.action = 'grade' AND e.at >= ? AND e.at < ?
      AND (SELECT ${severity.replace("value", "e.new_value")}) > (SELECT ${severity.replace("value", "e.old_value")})
    ORDER BY e.at, e.seq`,
      )
      .all(start, start + 7 * 86_400_000) as Array<{ code: string }>
  ).map((r) => r.code);
  db.close();
  expect(expected.length, "the demo seed escalates risks in the last full week").toBeGreaterThanOrEqual(3);

  await signIn(page, "leader");
  await page.goto("/analysis");
  const section = page.getByTestId("analysis-escalations");
  await expect(section.getByRole("heading")).toHaveText(`升级(${expected.length})`);
  expect(await section.locator("tbody tr td:nth-child(2)").allInnerTexts()).toEqual(expected);
  await expect(section).toContainText("近期降雨增多,隐患点位增加,经评估上调等级。");

  const docx = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Word(DOCX)" }).click();
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await (await docx).path())!)))["word/document.xml"]);
  for (const code of expected) expect(xml).toContain(code);
  const pdf = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 PDF" }).click();
  expect(
    readFileSync((await (await pdf).path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");
});

/**
 * Meetings: a dispatch meeting assigns a task to 市应急管理局 and is closed; the next meeting shows
 * the task open on its agenda; the unit's officer completes it; the agenda no longer carries it.
 */
test("a task assigned at a meeting stays on the next agenda until the unit completes it", async ({ browser }) => {
  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, "leader");
  const stamp = Date.now().toString(36);
  const task = `排查结冰路段警示标志(${stamp})`;
  const record = async (title: string, hoursAgo: number) => {
    const [day, time] = beijing(Date.now() - hoursAgo * 3_600_000).split(" ");
    await leader.goto("/meetings");
    await leader.getByText("新建会议记录").click();
    await leader.getByLabel("会议类型").selectOption({ label: "安全生产调度会" });
    await leader.getByLabel("会议名称").fill(title);
    await leader.getByLabel("日期").fill(day);
    await leader.getByLabel("时间").fill(time);
    await leader.getByLabel("主持人").fill("市应急管理局局长");
    await leader.getByLabel("参会人员").fill("市应急管理局\n市交通运输局");
    await leader.getByRole("button", { name: "创建" }).click();
    await expect(leader.getByRole("heading", { level: 1 })).toHaveText(title);
  };

  await record(`调度会 A ${stamp}`, 3);
  await leader.getByLabel("任务内容").fill(task);
  await leader.getByLabel("责任单位").selectOption({ label: "市应急管理局" });
  await leader.getByRole("button", { name: "交办任务" }).click();
  await expect(leader.getByRole("status").filter({ hasText: "已交办任务。" })).toBeVisible();
  await expect(leader.getByRole("table", { name: /本次交办任务/ })).toContainText(task);
  leader.once("dialog", (d) => d.accept());
  await leader.getByRole("button", { name: "关闭并锁定会议记录" }).click();
  await expect(leader.getByTestId("meeting-state")).toContainText("已关闭并锁定");
  await expect(leader.getByRole("button", { name: "交办任务" })).toHaveCount(0);
  const meetingA = leader.url();

  await record(`调度会 B ${stamp}`, 1);
  const agenda = leader.getByRole("table", { name: /议程/ });
  await expect(agenda.getByRole("row", { name: task })).toContainText("未完成");

  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, "officer");
  await officer.goto("/tasks");
  const mine = officer.getByRole("table", { name: /本单位的任务/ }).getByRole("row", { name: task });
  await mine.getByLabel("办理情况").fill("已在 5 处路段设置警示标志。");
  await mine.getByRole("button", { name: "标记完成" }).click();
  // Done, the row shows how it was done instead of the form.
  await expect(mine).toContainText("已完成");
  await expect(mine.getByRole("button", { name: "标记完成" })).toHaveCount(0);

  await leader.reload();
  await expect(leader.getByRole("table", { name: /议程/ })).not.toContainText(task);
  await leader.goto(meetingA);
  await expect(leader.getByRole("table", { name: /本次交办任务/ }).getByRole("row", { name: task })).toContainText(
    "已在 5 处路段设置警示标志。",
  );
  // The board's changes default to the last meeting of the chosen type.
  await leader.goto("/board?sinceMeeting=dispatch");
  await expect(leader.getByTestId("since-meeting")).toContainText(`调度会 B ${stamp}`);
});
