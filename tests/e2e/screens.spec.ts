import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./sign-in";

/**
 * Sise as its users hold it: a phone (390×844), a laptop (1280×720), a projector (1920×1080 and
 * 1280×720, in English too), and with assistive technology (axe-core over the main pages).
 */
const MAIN_PAGES = [
  "/risks",
  "/risks/new",
  "/board",
  "/board?view=matrix",
  "/reports",
  "/reports/compliance",
  "/analysis",
  "/meetings",
  "/tasks",
];

async function firstRiskCode(page: Page): Promise<string> {
  await page.goto("/risks?kind=domain&region=2&region=4");
  return (await page.locator("table.register-list tbody td:first-child").first().textContent())!.trim();
}

/** The page itself never scrolls sideways (a wide table may scroll inside its own box). */
async function expectNoSidewaysScroll(page: Page, path: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${path} scrolls sideways: ${scroll} > ${client}`).toBeLessThanOrEqual(client);
}

test.describe("on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("every main page fits the width; the header is a menu; the register and the board read as lists", async ({
    page,
  }) => {
    await signIn(page, "officer");
    const code = await firstRiskCode(page);
    for (const path of [...MAIN_PAGES, `/risks/${code}`, `/risks/${code}/grade`, "/risks/import", "/reports/file"]) {
      await page.goto(path);
      await expectNoSidewaysScroll(page, path);
    }
    // The header: the brand and a menu button, the navigation inside it.
    await page.goto("/risks");
    const menu = page.locator("details.app-menu > summary");
    await expect(menu).toBeVisible();
    await expect(page.getByRole("link", { name: "四色图" })).toBeHidden();
    await menu.click();
    await expect(page.getByRole("link", { name: "四色图" })).toBeVisible();
    const headerHeight = await page.locator("header.app-header").evaluate((h) => h.getBoundingClientRect().height);
    expect(headerHeight).toBeLessThan(100);
    // The register: search on the first screen, each risk a card with its region, status and review day.
    await page.goto("/risks");
    await expect(page.getByLabel("搜索标题或描述")).toBeInViewport();
    const card = page.locator("table.register-list tbody tr").first();
    for (const n of [2, 3, 5, 6, 9]) await expect(card.locator(`td:nth-child(${n})`)).toBeInViewport({ ratio: 0.5 });
    const title = card.locator("td:nth-child(3)");
    // The title has the card's width, not a column four characters wide.
    expect(await title.evaluate((td) => td.getBoundingClientRect().width)).toBeGreaterThan(300);
    // The risk page: the title a readable width, the buttons below it.
    await page.goto(`/risks/${code}`);
    expect(
      await page.getByRole("heading", { level: 1 }).evaluate((h) => h.getBoundingClientRect().width),
    ).toBeGreaterThan(250);
    await expect(page.getByRole("link", { name: "评级 / 复核" })).toBeVisible();
  });

  test("the board is a list of cells, most severe first, each a way into the register", async ({ page }) => {
    await signIn(page, "leader");
    await page.goto("/board");
    await expect(page.locator(".board-table").first()).toBeHidden();
    const items = page.locator(".board-phone").first().locator("li a");
    await expect(items.first()).toBeVisible();
    const first = (await items.first().locator("b").textContent())!;
    const last = (await items.last().locator("b").textContent())!;
    const rank = (s: string) => "红橙黄蓝".indexOf(s.trim()[0]);
    expect(rank(first)).toBeLessThanOrEqual(rank(last));
    await items.first().click();
    await expect(page).toHaveURL(/\/risks\?area=\d+&region=\d+&open=1/);
    await expectNoSidewaysScroll(page, "/risks from the board");
  });
});

test.describe("on a laptop (1280×720)", () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test("the board's grid starts on the first screen, and no main page scrolls sideways", async ({ page }) => {
    await signIn(page, "leader");
    await page.goto("/board");
    const firstCell = page.locator(".board-table .board-cell").first();
    const top = await firstCell.evaluate((a) => a.getBoundingClientRect().top);
    expect(top).toBeLessThan(720 - 40);
    for (const path of MAIN_PAGES) {
      await page.goto(path);
      await expectNoSidewaysScroll(page, path);
    }
  });
});

/** Every heading and every cell of meeting mode holds its text: nothing is cut or overflows. */
async function expectMeetingFits(page: Page, label: string) {
  await expect(page.locator(".meeting-mode[data-fitted]")).toHaveCount(1);
  const { overflowing, cells, pageHeight, screen } = await page.evaluate(() => {
    const boxes = [
      ...document.querySelectorAll<HTMLElement>(".meeting-mode .board-table th, .meeting-mode .board-cell"),
    ];
    return {
      cells: boxes.length,
      overflowing: boxes.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent),
      pageHeight: document.documentElement.scrollHeight,
      screen: window.innerHeight,
    };
  });
  expect(cells).toBeGreaterThan(100);
  expect(overflowing, `${label}: text cut in ${overflowing.length} cells`).toEqual([]);
  expect(pageHeight, `${label}: the page scrolls`).toBeLessThanOrEqual(screen);
}

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
] as const) {
  test.describe(`meeting mode at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test("fits every label and count, in English and in Chinese", async ({ page, context }) => {
      await signIn(page, "leader");
      for (const locale of ["en", "zh-CN"]) {
        await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
        for (const g of ["category", "domain"]) {
          await page.goto(`/board/meeting?g=${g}`);
          await expectMeetingFits(page, `${locale} ${g}`);
        }
      }
      // The English cells use letters, and the legend says what they stand for.
      await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
      await page.goto("/board/meeting");
      await expect(page.getByText("R · Red · Major risk")).toBeVisible();
    });
  });
}

test.describe("accessibility (axe-core)", () => {
  /** Serious and critical violations, in words a failing test can show. */
  async function violations(page: Page) {
    const result = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
  }

  const PAGES: Array<[string, string[]]> = [
    ["officer", ["/risks", "/risks/new", "/reports/file", "/risks/import", "risk", "grade"]],
    [
      "leader",
      ["/board", "/board?view=matrix", "/board/meeting", "/board/trend", "/reports", "/analysis", "/meetings"],
    ],
    ["auditor", ["/audit", "/reports/compliance"]],
    ["admin", ["/admin/users", "/admin/settings", "/admin/reference"]],
  ];
  for (const [user, paths] of PAGES) {
    test(`${user}: the main pages have no serious or critical violation`, async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, user);
      const code = paths.includes("risk") ? await firstRiskCode(page) : "";
      for (const path of paths.map((p) =>
        p === "risk" ? `/risks/${code}` : p === "grade" ? `/risks/${code}/grade` : p,
      )) {
        await page.goto(path);
        expect(await violations(page), `${user} ${path}`).toEqual([]);
      }
    });
  }

  test("the sign-in page has no serious or critical violation", async ({ page }) => {
    await page.goto("/login");
    expect(await violations(page), "/login").toEqual([]);
  });

  test("the site has an icon", async ({ request }) => {
    const icon = await request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/icon/);
  });
});
