import sharp from "sharp";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./sign-in";
import { isoWeekOf } from "../../lib/domain/weeks";

const inDays = (n: number) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + n * 86_400_000));

/** The hazard's page, at its next step: fill and send one of its forms. */
async function step(
  page: Page,
  heading: string,
  fill: (form: ReturnType<Page["locator"]>) => Promise<void>,
  button: string,
) {
  const form = page.locator("form").filter({ has: page.getByRole("heading", { name: heading, exact: true }) });
  await fill(form);
  await form.getByRole("button", { name: button }).click();
}

/**
 * 隐患排查治理 end to end: an inspector records a major hazard with a photo on a phone; its
 * rectification is refused until the 五落实 are in; the rectifier cannot accept their own work; the
 * acceptance fails once (back to rectification, with the reason) and passes the second time.
 */
/** What the board's hazard strip and this week's analysis say, to compare before and after. */
async function counts(page: Page) {
  await page.goto("/board");
  const strip = page.getByTestId("hazard-strip");
  const number = async (label: string) => Number(/(\d+)/.exec((await strip.getByText(label).textContent()) ?? "")![1]);
  const majors = await number("重大隐患");
  const open = await number("未销号");
  const week = isoWeekOf(inDays(0)).label;
  await page.goto(`/analysis?week=${week}`);
  const row = page.getByTestId("analysis-hazards-regions").getByRole("row").filter({ hasText: "神木市" });
  const found = (await row.count()) ? Number((await row.getByRole("cell").nth(1).textContent()) ?? 0) : 0;
  return { majors, open, found };
}

test("a major hazard from a phone's photo to its close-out", async ({ browser }) => {
  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, "leader");
  const before = await counts(leader);
  const phone = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  ).newPage();
  await signIn(phone, "inspector");
  await phone.goto("/hazards/new");
  await phone.getByLabel("隐患名称").fill("液化气储罐区可燃气体报警器失效");
  await phone.getByRole("radio", { name: "重大隐患" }).check();
  const area = phone.getByLabel("类别/领域");
  await area.selectOption({ index: 1 });
  await phone.getByLabel("区划").selectOption({ label: "神木市" });
  await phone.getByLabel("具体位置").fill("储配站东侧储罐区");
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#d33" } })
    .jpeg()
    .toBuffer();
  // The camera button's input: on a phone it opens the camera; here the file a camera would give.
  await phone
    .locator('input[name="photo"]')
    .setInputFiles({ name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: photo });
  // The form fits the phone: nothing wider than the screen.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.getByRole("button", { name: "登记隐患" }).click();
  await expect(phone).toHaveURL(/\/hazards\/YH-\d{4}-\d{5}\?created=1/);
  await expect(phone.getByRole("status").filter({ hasText: "隐患已登记" })).toBeVisible();
  const code = /\/hazards\/(YH-\d{4}-\d{5})/.exec(phone.url())![1];
  // The photo is there, as a preview that loaded.
  const preview = phone.getByRole("img", { name: "照片:IMG_0001.jpg" });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  await expect(phone.getByText("添加附件“IMG_0001.jpg”")).toBeVisible();

  // Rectification cannot start before the 五落实 are in.
  const assign = async (page: Page) =>
    step(
      page,
      "交办整改",
      async (f) => {
        await f.getByLabel("整改责任单位").selectOption({ label: "市应急管理局" });
        await f.getByLabel("整改责任人").fill("张伟");
        await f.getByLabel("整改期限").fill(inDays(20));
      },
      "开始整改",
    );
  await assign(phone);
  await expect(phone.getByRole("alert").filter({ hasText: "须先录入完整的“五落实”" })).toBeVisible();
  await step(
    phone,
    "五落实",
    async (f) => {
      for (const [label, text] of [
        ["整改目标和任务", "恢复报警与紧急切断"],
        ["资金和物资", "专项资金 20 万元"],
        ["责任机构和人员", "企业安全科 3 人"],
        ["整改时限和要求", "20 日内"],
        ["安全措施和应急预案", "停用储罐，24 小时值守"],
      ])
        await f.getByLabel(label).fill(text);
    },
    "保存五落实",
  );
  await expect(phone.getByRole("status").filter({ hasText: "“五落实”已保存" })).toBeVisible();
  await assign(phone);
  await expect(phone.getByRole("status").filter({ hasText: "已交办整改" })).toBeVisible();

  // The officer rectifies and reports it done; they may accept others' work, not their own.
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, "officer");
  await officer.goto(`/hazards/${code}`);
  const submit = async () => {
    await step(
      officer,
      "提交整改完成",
      async (f) => f.getByLabel("已采取的整改措施").fill("更换报警器并联调切断阀"),
      "提交验收",
    );
    await expect(officer.getByRole("status").filter({ hasText: "整改完成情况已提交" })).toBeVisible();
  };
  await submit();
  await expect(officer.getByText("您提交了本次整改，验收须由他人进行。")).toBeVisible();
  await expect(officer.getByRole("heading", { name: "验收", exact: true })).toHaveCount(0);

  // The board's strip and this week's analysis count it (found this week in 神木市, open, major).
  const during = await counts(leader);
  expect(during).toEqual({ majors: before.majors + 1, open: before.open + 1, found: before.found + 1 });

  // A leader's acceptance fails once (with the reason), then passes after the second report.
  await leader.goto(`/hazards/${code}`);
  await step(
    leader,
    "验收",
    async (f) => {
      await f.getByRole("radio", { name: "不通过(退回整改)" }).check();
      await f.getByLabel("不通过的理由").fill("切断阀联调记录不全");
    },
    "退回整改",
  );
  await expect(leader.getByRole("status").filter({ hasText: "验收未通过" })).toBeVisible();
  await expect(leader.getByText("理由:切断阀联调记录不全")).toBeVisible();
  await officer.reload();
  await submit();
  await leader.reload();
  await step(
    leader,
    "验收",
    async (f) => {
      await f.getByLabel("验收方式").selectOption({ label: "政府验收" });
      await f.getByLabel("实际投入资金(万元)").fill("18.5");
    },
    "验收通过并销号",
  );
  await expect(leader.getByRole("status").filter({ hasText: "验收通过，隐患已销号" })).toBeVisible();
  await expect(leader.getByText("已销号", { exact: true }).first()).toBeVisible();
  await expect(leader.getByText(/政府验收,.*投入 18.5 万元/).first()).toBeVisible();
  await expect(leader.getByText("验收未通过次数")).toBeVisible();
  // Closed: no longer open on the board; still found this week.
  expect(await counts(leader)).toEqual({ majors: before.majors, open: before.open, found: before.found + 1 });
});
