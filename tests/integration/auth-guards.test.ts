import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("next/navigation", async () => (await import("../support/request-context")).nextNavigation);
vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);
vi.mock("@/db/client", async () => (await import("../support/request-context")).dbClient);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

import { updateSettingsAction } from "@/app/admin/settings/actions/update-settings";
import { gradeRiskAction } from "@/app/risks/actions/grade-risk";
import { GET as board } from "@/app/api/v1/board/route";
import { issueApiToken, revokeApiToken } from "@/db/mutations/api-tokens";
import { SESSION_COOKIE } from "@/lib/auth/config";
import { authorize, deniedState, requirePageUser } from "@/lib/auth/guard";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { hashToken } from "@/lib/auth/tokens";
import { checkCurrentPassword, reauthRefused } from "@/lib/auth/reauth";
import { endSession, readSessionId } from "@/lib/auth/session";
import { addDays, dayInZone } from "@/lib/domain/dates";
import type { FormState } from "@/lib/validation/form-state";
import zh from "@/messages/zh-CN.json";
import { buildTemplate, form, openCopy, PASSWORD, signInAs, type Fixture } from "../support/accounts";
import { ctx, resetRequest, run } from "../support/request-context";

/**
 * The guards every page, action and API handler goes through, and the admin's policies they
 * apply: two-factor required for admins and leaders, and an edited review cadence that the next
 * grading must keep to. Expected answers are the documented ones, in the catalogue's words.
 */
let fixture: Fixture;
let copy: Awaited<ReturnType<typeof openCopy>>;
beforeAll(async () => void (fixture = await buildTemplate()), 120_000);
beforeEach(async () => {
  resetRequest();
  copy = await openCopy(fixture);
});
afterEach(async () => {
  await copy.cleanup();
  vi.useRealTimers();
});

const settingsForm = (over: Record<string, string> = {}) =>
  form({
    reviewRed: "7",
    reviewOrange: "15",
    reviewYellow: "30",
    reviewBlue: "90",
    lecRedAbove: "320",
    lecOrange: "160",
    lecYellow: "70",
    matrixRed: "20",
    matrixOrange: "10",
    matrixYellow: "4",
    reportCutoff: "17:00",
    ...over,
  });
const setSettings = async (over: Record<string, string>) => {
  await signInAs(copy.db, fixture.users.admin);
  const r = await updateSettingsAction({ ok: false }, settingsForm(over));
  expect(r.ok, JSON.stringify(r)).toBe(true);
  ctx.cookies.clear();
};
const page = (permission: Parameters<typeof requirePageUser>[0], returnTo?: string) =>
  run(() => requirePageUser(permission, returnTo));

describe("pages: where each kind of caller is sent", () => {
  it("sends the anonymous to sign in, coming back where they were", async () => {
    expect(await page("risk.read", "/risks?colour=red")).toEqual({ redirect: "/login?next=%2Frisks%3Fcolour%3Dred" });
    expect(await page("risk.read")).toEqual({ redirect: "/login" });
  });
  it("sends someone half signed in to the code, and someone with a temporary password to change it", async () => {
    await signInAs(copy.db, fixture.users.leader, { pendingTotp: true });
    expect(await page("risk.read")).toEqual({ redirect: "/login/verify" });
    ctx.cookies.clear();
    await copy.run("UPDATE users SET must_change_password = true WHERE id = ?", fixture.users.officer);
    await signInAs(copy.db, fixture.users.officer);
    expect(await page("risk.read")).toEqual({ redirect: "/account/password" });
  });
  it("answers a signed-in caller without the permission with the 403 page, and lets one with it in", async () => {
    await signInAs(copy.db, fixture.users.auditor);
    await expect(page("risk.edit")).rejects.toThrow("forbidden");
    const user = (await page("history.export")).result;
    expect(user).toMatchObject({ username: "auditor", stage: "ready" });
    expect(user?.permissions.sort()).toEqual(
      [
        "history.export",
        "history.read",
        "history.verify",
        "risk.read",
        "board.view",
        "report.read",
        "meeting.read",
        "hazard.read",
      ].sort(),
    );
  });
  it("refuses an action in words: forbidden for a caller without the permission, sign in for nobody", async () => {
    expect(deniedState({ ok: false, status: 401, key: "auth.signInRequired" })).toEqual({
      ok: false,
      message: { key: "auth.signInRequired" },
    });
    expect(await authorize("risk.edit")).toEqual({ ok: false, status: 401, key: "auth.signInRequired" });
    await signInAs(copy.db, fixture.users.auditor);
    expect(await authorize("risk.edit")).toEqual({ ok: false, status: 403, key: "auth.forbidden" });
  });
  it("refuses a route in words: cross-site, anonymous, or without the permission", async () => {
    const request = (site: string) =>
      new Request("http://sise.local/api/exports/history", { headers: { "sec-fetch-site": site } });
    const json = async (r: Response | object) =>
      r instanceof Response ? { status: r.status, body: await r.json() } : r;
    expect(await json(await authorizeRoute(request("cross-site"), "history.export"))).toEqual({
      status: 403,
      body: { error: "crossSite", message: zh.auth.crossSite },
    });
    expect(await json(await authorizeRoute(request("same-origin"), "history.export"))).toEqual({
      status: 401,
      body: { error: "signInRequired", message: zh.auth.signInRequired },
    });
    await signInAs(copy.db, fixture.users.officer);
    expect(await json(await authorizeRoute(request("same-origin"), "history.export"))).toEqual({
      status: 403,
      body: { error: "forbidden", message: zh.auth.forbidden },
    });
    expect((await authorizeRoute(request("cross-site"), "risk.read", { sensitive: false })) instanceof Response).toBe(
      false,
    );
  });
  it("ignores a cookie too long to be one of Sise's, and forgets the session on sign-out", async () => {
    ctx.cookies.set(SESSION_COOKIE, "x".repeat(101));
    expect(await readSessionId()).toBeUndefined();
    ctx.cookies.set(SESSION_COOKIE, "x".repeat(100));
    expect(await readSessionId()).toBe(hashToken("x".repeat(100)));
    const id = await signInAs(copy.db, fixture.users.leader);
    expect(await readSessionId()).toBe(id);
    await endSession(copy.db, id);
    expect(await copy.get("SELECT count(*) AS n FROM sessions WHERE id = ?", id)).toEqual({ n: 0 });
    expect(ctx.cookies.has(SESSION_COOKIE)).toBe(false);
  });
});

describe("two-factor required for admins and leaders (an admin's setting)", () => {
  it("holds an admin and a leader without two-factor at enrolment, and leaves the others alone", async () => {
    await setSettings({ totpAdmins: "on", totpLeaders: "on" });
    for (const who of ["admin", "leader"] as const) {
      ctx.cookies.clear();
      await signInAs(copy.db, fixture.users[who]);
      expect(await page("risk.read"), who).toEqual({ redirect: "/account/two-factor" });
      expect(await authorize("risk.read"), who).toEqual({ ok: false, status: 403, key: "auth.finishSignIn" });
      // The enrolment step itself is allowed.
      expect((await authorize(null, { stage: "mustEnrolTotp" })).ok, who).toBe(true);
    }
    ctx.cookies.clear();
    await signInAs(copy.db, fixture.users.officer);
    expect((await authorize("risk.edit")).ok).toBe(true);
    expect(await authorize(null, { stage: "mustEnrolTotp" })).toEqual({
      ok: false,
      status: 403,
      key: "auth.forbidden",
    });
  });
  it("requires it of leaders only when only leaders are asked, and lets a leader who has it through", async () => {
    await setSettings({ totpLeaders: "on" });
    await copy.run(
      "UPDATE users SET totp_secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' WHERE id = ?",
      fixture.users.leader,
    );
    await signInAs(copy.db, fixture.users.leader);
    expect((await authorize("board.view")).ok).toBe(true);
    ctx.cookies.clear();
    await signInAs(copy.db, fixture.users.admin);
    expect((await authorize("users.manage")).ok).toBe(true);
  });
  it("names the actor as the history records them: display name and username", async () => {
    await signInAs(copy.db, fixture.users.officer);
    const a = await authorize("risk.edit");
    expect(a.ok && a.actor).toEqual({ id: fixture.users.officer, name: "officer (officer)" });
  });
});

describe("an edited review cadence, then a grading", () => {
  it("keeps a red risk's next review within the admin's new cadence", async () => {
    await setSettings({ reviewRed: "3", reviewOrange: "15" });
    await signInAs(copy.db, fixture.users.officer);
    const today = dayInZone(new Date());
    const version = async () =>
      String(
        (
          (await copy.get("SELECT version FROM risks WHERE code = ?", fixture.risks.inScope)) as {
            version: number;
          }
        ).version,
      );
    const grade = (day: string) =>
      run(async () =>
        gradeRiskAction(
          fixture.risks.inScope,
          { ok: false },
          form({ method: "direct", colour: "red", reason: "升级", nextReviewDate: day, version: await version() }),
        ),
      );
    const refused = (await grade(addDays(today, 4))).result as FormState;
    expect(refused.ok).toBe(false);
    expect(refused.fieldErrors?.nextReviewDate?.[0]).toMatchObject({ key: "reviewTooLate", values: { days: 3 } });
    expect((await grade(addDays(today, 3))).redirect).toMatch(/graded=1/);
    expect(await copy.get("SELECT colour, next_review_date FROM risks WHERE code = ?", fixture.risks.inScope)).toEqual({
      colour: "red",
      next_review_date: addDays(today, 3),
    });
  });
});

describe("the current password asked again", () => {
  const actor = () => ({ id: fixture.users.officer, name: "officer (officer)" });
  const user = () => ({ id: fixture.users.officer, username: "officer" });
  it("accepts the right password, and refuses a wrong, missing or oversized one as wrong", async () => {
    expect(
      await checkCurrentPassword(copy.db, {
        user: user(),
        actor: actor(),
        password: PASSWORD,
        purpose: "password.change",
      }),
    ).toEqual({ ok: true });
    for (const password of ["wrong", undefined, "x".repeat(1025)]) {
      expect(
        await checkCurrentPassword(copy.db, { user: user(), actor: actor(), password, purpose: "password.change" }),
      ).toEqual({ ok: false, reason: "wrong" });
    }
  });
  it("checks the account's lock before any password work, and says so", async () => {
    await copy.run(
      "INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES ('user:officer', 6, ?, ?)",
      Date.now(),
      Date.now() + 90_000,
    );
    const r = await checkCurrentPassword(copy.db, {
      user: user(),
      actor: actor(),
      password: PASSWORD,
      purpose: "password.change",
    });
    expect(r).toMatchObject({ ok: false, reason: "locked" });
    expect(r.ok === false && r.reason === "locked" && r.waitMs).toBeGreaterThan(80_000);
  });
  it("also checks the caller's address's lock (an attacker going from account to account)", async () => {
    await copy.run(
      "INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES ('ip:203.0.113.7', 21, ?, ?)",
      Date.now(),
      Date.now() + 90_000,
    );
    expect(
      await checkCurrentPassword(copy.db, {
        user: user(),
        actor: actor(),
        password: PASSWORD,
        purpose: "password.change",
      }),
    ).toMatchObject({ ok: false, reason: "locked" });
  });
  it("says how many minutes to wait when locked (at least one), or marks the field", () => {
    expect(reauthRefused({ ok: false, reason: "locked", waitMs: 30_000 }, "current")).toEqual({
      ok: false,
      message: { key: "auth.throttled", values: { minutes: 1 } },
    });
    expect(reauthRefused({ ok: false, reason: "locked", waitMs: 14 * 60_000 + 1 }, "current")).toEqual({
      ok: false,
      message: { key: "auth.throttled", values: { minutes: 15 } },
    });
    expect(reauthRefused({ ok: false, reason: "wrong" }, "current")).toEqual({
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: { current: [{ key: "passwordWrong" }] },
    });
  });
});

describe("the read API's door", () => {
  const call = (authorization?: string) =>
    board(new Request("http://sise.local/api/v1/board", { headers: authorization ? { authorization } : {} }));
  const answer = async (r: Response) => ({
    status: r.status,
    body: await r.json(),
    challenge: r.headers.get("www-authenticate"),
  });
  const token = () =>
    issueApiToken(copy.db, {
      name: "平台",
      areaIds: [],
      regionIds: [],
      actor: { id: fixture.users.admin, name: "admin" },
      now: new Date(),
    });
  it("asks for a Bearer token in words when there is none or it is malformed", async () => {
    const missing = { status: 401, body: { error: "unauthorized", message: zh.api.missingToken }, challenge: "Bearer" };
    const { token: t } = await token();
    for (const h of [undefined, `Basic ${t}`, "Bearer", `Bearer ${t} extra`, `xBearer ${t}`])
      expect(await answer(await call(h)), String(h)).toEqual(missing);
    expect((await call(`bearer   ${t}`)).status).toBe(200);
  });
  it("refuses an unknown or revoked token in words", async () => {
    const bad = { status: 401, body: { error: "unauthorized", message: zh.api.badToken }, challenge: "Bearer" };
    expect(await answer(await call("Bearer nope"))).toEqual(bad);
    const t = await token();
    await revokeApiToken(copy.db, { id: t.id, actor: { id: fixture.users.admin, name: "admin" }, now: new Date() });
    expect(await answer(await call(`Bearer ${t.token}`))).toEqual(bad);
  });
  it("says in words how long to wait when the rate is spent", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"], now: new Date("2026-12-01T02:00:00Z") });
    const { token: t } = await token();
    for (let i = 0; i < 20; i++) await (await call(`Bearer ${t}`)).arrayBuffer();
    vi.advanceTimersByTime(200);
    const r = await call(`Bearer ${t}`);
    expect(r.status).toBe(429);
    expect(await r.json()).toEqual({ error: "rateLimited", message: zh.api.rateLimited.replace("{seconds}", "1") });
  });
  it("notes when a token was last used, at most once a minute", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"], now: new Date("2026-12-01T02:00:00Z") });
    const t = await token();
    const lastUsed = async () =>
      (
        (await copy.get("SELECT last_used_at FROM api_tokens WHERE id = ?", t.id)) as {
          last_used_at: number | null;
        }
      ).last_used_at;
    expect(await lastUsed()).toBeNull();
    await (await call(`Bearer ${t.token}`)).arrayBuffer();
    const first = Date.parse("2026-12-01T02:00:00Z");
    expect(await lastUsed()).toBe(first);
    vi.advanceTimersByTime(60_000);
    await (await call(`Bearer ${t.token}`)).arrayBuffer();
    expect(await lastUsed()).toBe(first);
    vi.advanceTimersByTime(1);
    await (await call(`Bearer ${t.token}`)).arrayBuffer();
    expect(await lastUsed()).toBe(first + 60_001);
  });
});
