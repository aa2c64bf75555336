import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("next/navigation", async () => (await import("../support/request-context")).nextNavigation);
vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);
vi.mock("@/db/client", async () => (await import("../support/request-context")).dbClient);
// argon2 as it is, with each verification's hash recorded: the enumeration test counts the work.
const argon = vi.hoisted(() => ({ verified: [] as string[] }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    verify: (hashed: string, password: string) => (argon.verified.push(hashed), real.verify(hashed, password)),
  };
});

import { signOutAction } from "@/app/actions/sign-out";
import { changePasswordAction } from "@/app/account/actions/change-password";
import { resetPasswordAction, setActiveAction } from "@/app/admin/users/actions/account-controls";
import { updateUserAction } from "@/app/admin/users/actions/update-user";
import { signInAction } from "@/app/login/actions/sign-in";
import { verifyTotpAction } from "@/app/login/actions/verify-totp";
import { authorize } from "@/lib/auth/guard";
import { SESSION_COOKIE } from "@/lib/auth/config";
import { totpCodeAt } from "@/lib/auth/totp";
import { THROTTLE } from "@/lib/domain/throttle";
import type { FormState } from "@/lib/validation/form-state";
import { buildTemplate, form, openCopy, PASSWORD, signInAs, type Fixture } from "../support/accounts";
import { ctx, resetRequest, run } from "../support/request-context";

let fixture: Fixture;
let copy: Awaited<ReturnType<typeof openCopy>>;
beforeAll(async () => {
  fixture = await buildTemplate();
}, 30_000);
beforeEach(async () => {
  resetRequest();
  copy = await openCopy(fixture);
});
afterEach(() => copy.cleanup());

const signIn = (username: string, password: string) =>
  run(() => signInAction({ ok: false }, form({ username, password })));
const message = (o: Awaited<ReturnType<typeof run>>) =>
  (o.result as { message?: { key: string } } | undefined)?.message?.key;
const events = async (action: string) =>
  (await copy.all(
    "SELECT actor_id, actor_name, data, old_value, new_value FROM risk_events WHERE action = ? ORDER BY seq",
    action,
  )) as Array<Record<string, unknown>>;
const sessionCount = async (userId: number) =>
  ((await copy.get("SELECT count(*) AS n FROM sessions WHERE user_id = ?", userId)) as { n: number }).n;
const asCaller = async () => (await authorize("risk.read")).ok;

describe("sign-in", () => {
  it("signs in, sets an opaque cookie, stamps the last sign-in and records the event", async () => {
    const o = await signIn("Leader", PASSWORD); // usernames are case-insensitive
    expect(o.redirect).toBe("/risks");
    const token = ctx.cookies.get(SESSION_COOKIE)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the digest is stored: the cookie value itself is nowhere in the database.
    expect(await copy.get("SELECT count(*) AS n FROM sessions WHERE id = ?", token)).toEqual({ n: 0 });
    expect(await asCaller()).toBe(true);
    expect(await copy.get("SELECT last_sign_in_at FROM users WHERE id = ?", fixture.users.leader)).not.toEqual({
      last_sign_in_at: null,
    });
    expect(await events("auth.sign_in")).toHaveLength(1);
    expect((await events("auth.sign_in"))[0].actor_id).toBe(fixture.users.leader);
  });

  it("answers an unknown user exactly like a wrong password, and records both failures", async () => {
    const wrong = await signIn("leader", "not the password");
    const unknown = await signIn("nobody-here", PASSWORD);
    expect(message(wrong)).toBe("auth.invalidCredentials");
    expect(message(unknown)).toBe("auth.invalidCredentials");
    expect(ctx.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await events("auth.sign_in_failed")).map((e) => e.actor_name)).toEqual(["leader", "nobody-here"]);
  });

  it("records a typed name cleaned and bounded: no control characters, at most 64 characters", async () => {
    // The sign-in form takes up to 200 characters; the history keeps 64 of them.
    await signIn(`\u001b[31m<b>x</b>\u0007\r\n${"名".repeat(150)}`, "wrong");
    const [failure] = await events("auth.sign_in_failed");
    expect(failure.actor_name).toBe(`[31m<b>x</b>${"名".repeat(64 - "[31m<b>x</b>".length)}`);
    expect(String(failure.actor_name)).not.toMatch(/[\u0000-\u001F\u007F]/);
  });

  it("spends the same argon2 work on unknown users as on wrong passwords (no timing oracle)", async () => {
    // Deterministic: each sign-in verifies exactly one argon2id hash with the same parameters,
    // whether the account exists or not (the parameters are the hash's $argon2id$v=…$m=…,t=…,p=…$ head).
    const work = async (username: string) => {
      argon.verified.length = 0;
      const t0 = performance.now();
      await signIn(username, "wrong password");
      const ms = performance.now() - t0;
      return { heads: argon.verified.map((h) => h.split("$").slice(0, 4).join("$")), ms };
    };
    await work("warm-up");
    const known = [await work("auditor"), await work("auditor"), await work("auditor")];
    const unknown = [await work("ghost-1"), await work("ghost-2"), await work("ghost-3")];
    for (const w of [...known, ...unknown]) expect(w.heads).toEqual(["$argon2id$v=19$m=19456,t=2,p=1"]);
    // A loose look at the clock as well, which cannot flake: the unknown user is not many times faster.
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1];
    expect(median(unknown.map((w) => w.ms))).toBeGreaterThan(median(known.map((w) => w.ms)) / 4);
  });

  it("ignores an unsafe ?next= (no open redirect)", async () => {
    const o = await run(() =>
      signInAction({ ok: false }, form({ username: "leader", password: PASSWORD, next: "//evil.example/x" })),
    );
    expect(o.redirect).toBe("/risks");
  });
});

describe("throttling", () => {
  it(`locks an account after ${THROTTLE.userThreshold} failures, even for the right password, with the same answer for unknown names`, async () => {
    for (let i = 0; i < THROTTLE.userThreshold; i++)
      expect(message(await signIn("auditor", "wrong"))).toBe("auth.invalidCredentials");
    const locked = await signIn("auditor", PASSWORD);
    expect(message(locked)).toBe("auth.throttled");
    expect((locked.result as FormState).message?.values?.minutes).toBe(1);
    expect(ctx.cookies.has(SESSION_COOKIE)).toBe(false);

    for (let i = 0; i < THROTTLE.userThreshold; i++) await signIn("no-such-person", "wrong");
    expect(message(await signIn("no-such-person", "wrong"))).toBe("auth.throttled");

    // Other accounts are unaffected; once the lock runs out the right password works and resets the count.
    expect((await signIn("leader", PASSWORD)).redirect).toBe("/risks");
    await copy.run("UPDATE login_throttle SET locked_until = ? WHERE key = 'user:auditor'", Date.now() - 1);
    expect((await signIn("auditor", PASSWORD)).redirect).toBe("/risks");
    expect(await copy.get("SELECT count(*) AS n FROM login_throttle WHERE key = 'user:auditor'")).toEqual({
      n: 0,
    });
  });

  it(`locks an address after ${THROTTLE.ipThreshold} failures across any accounts; other addresses still sign in`, async () => {
    for (let i = 0; i < THROTTLE.ipThreshold; i++) await signIn(`spray-${i}`, "wrong");
    expect(message(await signIn("leader", PASSWORD))).toBe("auth.throttled");
    resetRequest({ ip: "198.51.100.20" });
    expect((await signIn("leader", PASSWORD)).redirect).toBe("/risks");
  });

  it("doubles the lock with each further failure", async () => {
    const lockFor = async () => {
      const row = (await copy.get("SELECT locked_until FROM login_throttle WHERE key = 'user:leader'")) as {
        locked_until: number;
      };
      return row.locked_until - Date.now();
    };
    for (let i = 0; i < THROTTLE.userThreshold; i++) await signIn("leader", "wrong");
    const first = await lockFor();
    await copy.run("UPDATE login_throttle SET locked_until = ? WHERE key = 'user:leader'", Date.now() - 1);
    await signIn("leader", "wrong");
    expect(first).toBeGreaterThan(25_000);
    expect(await lockFor()).toBeGreaterThan(first * 1.8);
  });
});

describe("the current password, asked again", () => {
  const change = (current: string) =>
    run(() =>
      changePasswordAction(
        { ok: false },
        form({ current, next: "a new long passphrase", confirm: "a new long passphrase" }),
      ),
    );
  const fieldKey = (o: Awaited<ReturnType<typeof run>>) =>
    (o.result as FormState | undefined)?.fieldErrors?.current?.[0]?.key;

  it("is throttled like sign-in: 5 wrong answers lock the account, then even the right one waits; each failure is recorded", async () => {
    await signInAs(copy.db, fixture.users.auditor);
    for (let i = 0; i < 5; i++) expect(fieldKey(await change("wrong password"))).toBe("passwordWrong");
    const locked = await change(PASSWORD);
    expect(message(locked)).toBe("auth.throttled");
    expect(locked.redirect).toBeUndefined();
    // The password did not change, and the history holds every failed check with its purpose.
    const failures = await events("auth.password_check_failed");
    expect(failures).toHaveLength(5);
    expect(
      failures.every(
        (e) => e.actor_id === fixture.users.auditor && JSON.parse(e.data as string).purpose === "password.change",
      ),
    ).toBe(true);
    expect(await events("user.password_change")).toHaveLength(0);
    // The same lock stands in front of sign-in: a stolen session is not a way to guess the password.
    expect(message(await signIn("auditor", PASSWORD))).toBe("auth.throttled");
  });
});

describe("session revocation", () => {
  it("sign-out ends the session on the server, not only the cookie", async () => {
    await signIn("leader", PASSWORD);
    const token = ctx.cookies.get(SESSION_COOKIE)!;
    expect((await run(() => signOutAction())).redirect).toBe("/login?signedOut=1");
    ctx.cookies.set(SESSION_COOKIE, token); // a copied cookie replayed after sign-out
    expect(await asCaller()).toBe(false);
    expect(await events("auth.sign_out")).toHaveLength(1);
  });

  it("deactivation ends every session of the user at once and blocks sign-in; history stays", async () => {
    const leaderSession = await signInAs(copy.db, fixture.users.leader);
    await signInAs(copy.db, fixture.users.leader);
    expect(await sessionCount(fixture.users.leader)).toBe(2);
    ctx.cookies.clear();
    await signInAs(copy.db, fixture.users.admin);
    expect((await setActiveAction(fixture.users.leader, false, { ok: false })).ok).toBe(true);
    expect(await sessionCount(fixture.users.leader)).toBe(0);
    expect(leaderSession).toBeTruthy();
    ctx.cookies.clear();
    expect(message(await signIn("leader", PASSWORD))).toBe("auth.inactive");
    expect(await copy.get("SELECT count(*) AS n FROM users WHERE id = ?", fixture.users.leader)).toEqual({
      n: 1,
    });
    await expect(copy.run("DELETE FROM users WHERE id = ?", fixture.users.leader)).rejects.toThrow(/never deleted/);
  });

  it("an admin password reset ends all sessions and forces a change before anything else", async () => {
    await signInAs(copy.db, fixture.users.officer);
    ctx.cookies.clear();
    await signInAs(copy.db, fixture.users.admin);
    const reset = await resetPasswordAction(fixture.users.officer, { ok: false });
    const temp = (reset.message!.values as { password: string }).password;
    expect(await sessionCount(fixture.users.officer)).toBe(0);

    ctx.cookies.clear();
    expect((await signIn("officer", temp)).redirect).toBe("/risks");
    expect((await authorize("risk.read")).ok).toBe(false); // stage: must change password
    const changed = await run(() =>
      changePasswordAction(
        { ok: false },
        form({ current: temp, next: "a fresh passphrase 2026", confirm: "a fresh passphrase 2026" }),
      ),
    );
    expect(changed.redirect).toBe("/account?passwordChanged=1");
    expect(await asCaller()).toBe(true);
  });

  it("changing one's own password keeps this session and ends the others", async () => {
    await signInAs(copy.db, fixture.users.auditor);
    const other = ctx.cookies.get(SESSION_COOKIE)!;
    await signInAs(copy.db, fixture.users.auditor);
    await run(() =>
      changePasswordAction(
        { ok: false },
        form({ current: PASSWORD, next: "a new long passphrase", confirm: "a new long passphrase" }),
      ),
    );
    expect(await asCaller()).toBe(true);
    ctx.cookies.set(SESSION_COOKIE, other);
    expect(await asCaller()).toBe(false);
  });

  it("expires idle sessions and sessions past their absolute lifetime", async () => {
    const id = await signInAs(copy.db, fixture.users.leader);
    expect(await asCaller()).toBe(true);
    await copy.run("UPDATE sessions SET last_seen_at = ? WHERE id = ?", Date.now() - 61 * 60_000, id);
    expect(await asCaller()).toBe(false);
    const id2 = await signInAs(copy.db, fixture.users.leader);
    await copy.run("UPDATE sessions SET expires_at = ? WHERE id = ?", Date.now() - 1, id2);
    expect(await asCaller()).toBe(false);
  });
});

describe("the session cookie and row, as the sign-in action makes them", () => {
  const HOUR = 60 * 60_000;
  const row = async () =>
    (await copy.get(
      "SELECT created_at, last_seen_at, expires_at, pending_totp, ip, user_agent FROM sessions WHERE user_id = ?",
      fixture.users.leader,
    )) as Record<string, number | string | null>;
  it("is HttpOnly, SameSite=Lax, for the whole site, and lasts the documented 12 hours", async () => {
    await signIn("leader", PASSWORD);
    expect(ctx.cookieOptions.get(SESSION_COOKIE)).toEqual({
      httpOnly: true,
      sameSite: "lax",
      secure: false,
      path: "/",
      maxAge: 12 * 60 * 60,
    });
    const r = await row();
    expect(Number(r.expires_at) - Number(r.created_at)).toBe(12 * HOUR);
    expect(r).toMatchObject({ pending_totp: 0, ip: "203.0.113.7", user_agent: "vitest" });
  });
  it("is Secure when a trusted proxy says the request came over https", async () => {
    vi.stubEnv("SISE_TRUSTED_PROXIES", "1");
    ctx.headers.set("x-forwarded-proto", "https");
    ctx.headers.set("x-forwarded-for", "198.51.100.4");
    try {
      await signIn("leader", PASSWORD);
      expect(ctx.cookieOptions.get(SESSION_COOKIE)).toMatchObject({ secure: true });
      expect((await row()).ip).toBe("198.51.100.4");
    } finally {
      vi.unstubAllEnvs();
    }
  });
  it("is not Secure on a client's own X-Forwarded-Proto when no proxy is trusted, nor does it take its address", async () => {
    ctx.headers.set("x-forwarded-proto", "https");
    ctx.headers.set("x-forwarded-for", "198.51.100.4");
    await signIn("leader", PASSWORD);
    expect(ctx.cookieOptions.get(SESSION_COOKIE)).toMatchObject({ secure: false });
    expect((await row()).ip).toBe("203.0.113.7");
  });
  it("is Secure everywhere when the deployment says so (SISE_SECURE_COOKIES=1)", async () => {
    vi.stubEnv("SISE_SECURE_COOKIES", "1");
    try {
      await signIn("leader", PASSWORD);
      expect(ctx.cookieOptions.get(SESSION_COOKIE)).toMatchObject({ secure: true });
    } finally {
      vi.unstubAllEnvs();
    }
  });
  it("lives five minutes while it waits for the two-factor code, then the full day", async () => {
    await copy.run(
      "UPDATE users SET totp_secret = ? WHERE id = ?",
      "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
      fixture.users.leader,
    );
    await signIn("leader", PASSWORD);
    expect(ctx.cookieOptions.get(SESSION_COOKIE)).toMatchObject({ httpOnly: true, maxAge: 5 * 60 });
    const pending = await row();
    expect(pending.pending_totp).toBe(1);
    expect(Number(pending.expires_at) - Number(pending.created_at)).toBe(5 * 60_000);
    await copy.run("UPDATE sessions SET expires_at = ? WHERE user_id = ?", Date.now() - 1, fixture.users.leader);
    const late = await run(() =>
      verifyTotpAction({ ok: false }, form({ code: totpCodeAt("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", Date.now()) })),
    );
    expect(late.redirect).not.toBe("/risks"); // past its five minutes the code opens nothing
    expect(await asCaller()).toBe(false);
  });
});

describe("two-factor sign-in", () => {
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  it("asks for the code after the password, refuses a wrong or replayed code, and only then grants access", async () => {
    await copy.run("UPDATE users SET totp_secret = ? WHERE id = ?", secret, fixture.users.leader);
    const first = await signIn("leader", PASSWORD);
    expect(first.redirect).toMatch(/^\/login\/verify/);
    expect(await asCaller()).toBe(false); // half signed in authorizes nothing
    const bad = await run(() => verifyTotpAction({ ok: false }, form({ code: "000000" })));
    expect((bad.result as { fieldErrors: Record<string, unknown> }).fieldErrors.code).toBeTruthy();
    const code = totpCodeAt(secret, Date.now());
    expect((await run(() => verifyTotpAction({ ok: false }, form({ code })))).redirect).toBe("/risks");
    expect(await asCaller()).toBe(true);
    expect(ctx.cookieOptions.get(SESSION_COOKIE)).toMatchObject({ httpOnly: true, maxAge: 12 * 60 * 60 });

    ctx.cookies.clear();
    await signIn("leader", PASSWORD);
    const replay = await run(() => verifyTotpAction({ ok: false }, form({ code })));
    expect(replay.redirect).toBeUndefined();
    expect((await events("auth.sign_in_failed")).map((e) => JSON.parse(String(e.data)).reason)).toEqual([
      "totp",
      "totp",
    ]);
  });
});

describe("admin safeguards and history", () => {
  it("records role and scope changes with old and new values, and keeps the last admin", async () => {
    await signInAs(copy.db, fixture.users.admin);
    const r = await updateUserAction(
      fixture.users.auditor,
      { ok: false },
      form({ displayName: "auditor", roles: ["auditor", "leader"], version: "1" }),
    );
    expect(r.ok).toBe(true);
    const roleEvents = await events("user.roles");
    expect(roleEvents.map((e) => [JSON.parse(String(e.old_value)), JSON.parse(String(e.new_value))])).toEqual([
      [["auditor"], ["auditor", "leader"]],
    ]);
    expect(roleEvents[0].actor_id).toBe(fixture.users.admin);

    const stale = await updateUserAction(
      fixture.users.auditor,
      { ok: false },
      form({ displayName: "x", roles: ["auditor"], version: "1" }),
    );
    expect(stale.message?.key).toBe("admin.userConflict");

    const demote = await updateUserAction(
      fixture.users.admin,
      { ok: false },
      form({ displayName: "admin", roles: ["leader"], version: "1" }),
    );
    expect(demote.fieldErrors?.roles?.[0].key).toBe("lastAdmin");
    const self = await setActiveAction(fixture.users.admin, false, { ok: false });
    expect(self.message?.key).toBe("admin.notYourself");
  });
});

describe("a scope's division typed rather than picked (the picker without script)", () => {
  it("adds the one division the text names, and refuses a text that names none or several, changing nothing", async () => {
    const { getPrincipal } = await import("@/db/queries/users");
    await signInAs(copy.db, fixture.users.admin);
    const scopeNow = async () => [...(await getPrincipal(copy.db, { userId: fixture.users.officer })).scope.regionIds];
    const before = await scopeNow();
    const officerForm = (regionIdsText: string) =>
      form({
        displayName: "officer",
        roles: ["officer"],
        areaIds: [String(fixture.areaId.S03), String(fixture.areaId.S02)],
        regionIds: [String(fixture.regionId["610881"])],
        regionIdsText,
        version: "1",
      });
    const none = await updateUserAction(fixture.users.officer, { ok: false }, officerForm("没有这个县"));
    expect(none.fieldErrors?.regionIds?.[0].key).toBe("divisionNotFound");
    expect(await scopeNow()).toEqual(before);
    const saved = await updateUserAction(fixture.users.officer, { ok: false }, officerForm("榆林市 › 榆阳区"));
    expect(saved.ok).toBe(true);
    expect((await scopeNow()).sort()).toEqual([fixture.regionId["610802"], fixture.regionId["610881"]].sort());
  });
});

describe("first start without a default password", () => {
  it("creates the first admin once, from the printed one-time token only", async () => {
    const { createTestDb } = await import("./test-db");
    const { issueSetupToken } = await import("@/db/seed/users");
    const { createFirstAdminAction } = await import("@/app/setup/actions/create-first-admin");
    const fresh = await createTestDb();
    ctx.db = fresh.db;
    try {
      const token = await issueSetupToken(fresh.db);
      const attempt = (tk: string, username = "ops") =>
        run(() =>
          createFirstAdminAction(
            { ok: false },
            form({ token: tk, username, displayName: "运维", password: "a long passphrase" }),
          ),
        );
      const wrong = await attempt("not-the-token");
      expect((wrong.result as FormState).fieldErrors?.token?.[0].key).toBe("setupTokenWrong");
      expect((await attempt(token)).redirect).toBe("/login?setup=1");
      expect(await fresh.all("SELECT u.username, r.role FROM users u JOIN user_roles r ON r.user_id = u.id")).toEqual([
        { username: "ops", role: "admin" },
      ]);
      // The token is burnt: a second use (or a race) cannot create another admin.
      expect(((await attempt(token, "ops2")).result as FormState).message?.key).toBe("setup.closed");
    } finally {
      await fresh.cleanup();
      ctx.db = copy.db;
    }
  });
});

describe("route handler guard", () => {
  it("refuses anonymous, forbidden and cross-site callers with translated JSON, and lets the right role through", async () => {
    vi.doMock("next-intl/server", () => ({ getTranslations: async () => (key: string) => `t:${key}` }));
    const { authorizeRoute } = await import("@/lib/auth/route-guard");
    const req = (headers: Record<string, string> = {}) => new Request("http://sise.local/api/export", { headers });

    const anonymous = await authorizeRoute(req(), "history.export");
    expect(anonymous).toBeInstanceOf(Response);
    expect((anonymous as Response).status).toBe(401);
    expect(await (anonymous as Response).json()).toEqual({ error: "signInRequired", message: "t:signInRequired" });

    await signInAs(copy.db, fixture.users.officer);
    expect(((await authorizeRoute(req(), "history.export")) as Response).status).toBe(403);

    ctx.cookies.clear();
    await signInAs(copy.db, fixture.users.auditor);
    const crossSite = await authorizeRoute(req({ "sec-fetch-site": "cross-site" }), "history.export");
    expect((crossSite as Response).status).toBe(403);
    expect(await (crossSite as Response).json()).toMatchObject({ error: "crossSite" });
    const allowed = await authorizeRoute(req({ "sec-fetch-site": "same-origin" }), "history.export");
    expect(allowed).toMatchObject({ ok: true, user: { username: "auditor" } });
  });
});
