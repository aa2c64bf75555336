import { expect, type Page } from "@playwright/test";

/** The demo seed's accounts (development/demo databases only). */
export const DEMO_PASSWORD = "sise-demo-2026";
export type DemoUser = "admin" | "officer" | "leader" | "auditor";

/** Signs in through the real form, as a person would, and waits until the app lets them in. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
}
