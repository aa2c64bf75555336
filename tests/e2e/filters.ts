import type { Page } from "@playwright/test";

/**
 * Picks a value of one of the register's several-value filters (area, region) as a person does:
 * opens the filter's list and ticks the value.
 */
export async function tickFilter(page: Page, filter: "area" | "region", label: string) {
  const box = page.locator(`details:has(#filter-${filter}-summary)`);
  if (!(await box.evaluate((d) => (d as HTMLDetailsElement).open))) await box.locator("summary").click();
  await box.getByRole("checkbox", { name: label, exact: true }).check();
}

/** Ticks one of the register's colour filters (红 / 橙 / 黄 / 蓝). */
export async function tickColour(page: Page, colour: string) {
  await page.getByRole("group", { name: "风险等级" }).getByRole("checkbox", { name: colour, exact: true }).check();
}
