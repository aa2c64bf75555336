import { describe, expect, it } from "vitest";
import { can, canChangeRisk, inScope, permissionsOf, ROLE_PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { safeNextPath } from "@/lib/auth/redirect";
import { clientIp, isSameOrigin } from "@/lib/auth/request-info";
import { matchTotp, totpCodeAt } from "@/lib/auth/totp";
import { afterFailure, lockRemainingMs, THROTTLE } from "@/lib/domain/throttle";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security/headers";
import { parseSettingsForm } from "@/lib/validation/settings";

const scope = { areaIds: [1, 2], regionIds: [10] };

describe("roles and permissions", () => {
  it("gives each role what the issue lists, and nothing that changes risks to admin, leader or auditor", () => {
    for (const role of ["admin", "leader", "auditor"] as const) {
      expect(ROLE_PERMISSIONS[role]).not.toContain("risk.edit");
      expect(ROLE_PERMISSIONS[role]).not.toContain("risk.create");
    }
    expect(ROLE_PERMISSIONS.admin).toContain("users.manage");
    expect(ROLE_PERMISSIONS.leader).toEqual(expect.arrayContaining(["board.view", "meeting.run", "risk.acknowledge"]));
    expect(ROLE_PERMISSIONS.auditor).toEqual(
      expect.arrayContaining(["history.read", "history.export", "history.verify"]),
    );
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role]).toContain("risk.read");
  });

  it("unions the permissions of several roles", () => {
    expect(permissionsOf(["admin", "officer"]).has("risk.edit")).toBe(true);
    expect(can({ roles: ["admin", "officer"], scope }, "users.manage")).toBe(true);
    expect(can(null, "risk.read")).toBe(false);
    expect(can({ roles: [], scope }, "risk.read")).toBe(false);
  });

  it("scope is areas × regions: both must match, for the risk and for where it is moved", () => {
    const officer = { roles: ["officer" as const], scope };
    expect(inScope(scope, { areaId: 1, regionId: 10 })).toBe(true);
    expect(inScope(scope, { areaId: 3, regionId: 10 })).toBe(false);
    expect(inScope(scope, { areaId: 1, regionId: 11 })).toBe(false);
    expect(canChangeRisk(officer, "risk.edit", { areaId: 2, regionId: 10 })).toBe(true);
    expect(canChangeRisk(officer, "risk.edit", { areaId: 2, regionId: 10 }, { areaId: 5, regionId: 10 })).toBe(false);
    expect(canChangeRisk({ roles: ["admin"], scope }, "risk.edit", { areaId: 1, regionId: 10 })).toBe(false);
  });
});

describe("throttle backoff", () => {
  it("locks at the threshold, doubles, caps, and forgets after a quiet window", () => {
    let s = afterFailure(undefined, 0, THROTTLE.userThreshold);
    for (let i = 1; i < THROTTLE.userThreshold - 1; i++) s = afterFailure(s, i, THROTTLE.userThreshold);
    expect(s.lockedUntil).toBeNull();
    s = afterFailure(s, 10, THROTTLE.userThreshold);
    expect(lockRemainingMs(s, 10)).toBe(THROTTLE.baseLockMs);
    s = afterFailure(s, 20, THROTTLE.userThreshold);
    expect(lockRemainingMs(s, 20)).toBe(2 * THROTTLE.baseLockMs);
    for (let i = 0; i < 20; i++) s = afterFailure(s, 30 + i, THROTTLE.userThreshold);
    expect(lockRemainingMs(s, 49)).toBe(THROTTLE.maxLockMs);
    const quiet = afterFailure(
      { failures: 4, lastFailureAt: 0, lockedUntil: null },
      THROTTLE.windowMs + 1,
      THROTTLE.userThreshold,
    );
    expect(quiet.failures).toBe(1);
  });
});

describe("request hygiene", () => {
  it("accepts only local paths after sign-in", () => {
    expect(safeNextPath("/risks?colour=red")).toBe("/risks?colour=red");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "",
      undefined,
      "/a\nb",
    ]) {
      expect(safeNextPath(bad)).toBe("/risks");
    }
  });

  it("takes the socket's address, and a proxy's only when proxies are trusted", () => {
    const prior = process.env.SISE_TRUSTED_PROXIES;
    try {
      delete process.env.SISE_TRUSTED_PROXIES;
      // No proxy configured (the default): whatever the client wrote in X-Forwarded-For is ignored.
      expect(clientIp(new Headers({ "x-sise-peer": "::ffff:203.0.113.9", "x-forwarded-for": "1.1.1.1" }))).toBe(
        "203.0.113.9",
      );
      expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1" }))).toBeNull();
      expect(clientIp(new Headers({ "x-sise-peer": "not an address" }))).toBeNull();
      // Behind one proxy (nginx appends the address it saw): the client is one hop before the socket.
      process.env.SISE_TRUSTED_PROXIES = "1";
      expect(clientIp(new Headers({ "x-sise-peer": "10.0.0.2", "x-forwarded-for": "forged, 198.51.100.4" }))).toBe(
        "198.51.100.4",
      );
      expect(clientIp(new Headers({ "x-sise-peer": "10.0.0.2", "x-forwarded-for": "198.51.100.4" }))).toBe(
        "198.51.100.4",
      );
    } finally {
      if (prior === undefined) delete process.env.SISE_TRUSTED_PROXIES;
      else process.env.SISE_TRUSTED_PROXIES = prior;
    }
  });

  it("percent-encodes where to go after sign-in, so the redirect header stays ASCII", () => {
    expect(safeNextPath("/risks?q=燃气")).toBe("/risks?q=%E7%87%83%E6%B0%94");
    expect(safeNextPath("/risks/YL-2026-00001")).toBe("/risks/YL-2026-00001");
  });

  it("recognises cross-site requests to route handlers", () => {
    const url = "http://sise.local/api/x";
    expect(isSameOrigin(new Headers({ "sec-fetch-site": "same-origin" }), url)).toBe(true);
    expect(isSameOrigin(new Headers({ "sec-fetch-site": "cross-site" }), url)).toBe(false);
    expect(isSameOrigin(new Headers({ origin: "http://evil.example", host: "sise.local" }), url)).toBe(false);
    expect(isSameOrigin(new Headers({ origin: "http://sise.local", host: "sise.local" }), url)).toBe(true);
  });

  it("sends a CSP with the directives the issue requires, and HSTS only over https", () => {
    const csp = contentSecurityPolicy("abc");
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "'nonce-abc'"])
      expect(csp).toContain(d);
    expect(csp).not.toContain("unsafe-eval");
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders({ https: false })["X-Content-Type-Options"]).toBe("nosniff");
  });
});

describe("TOTP", () => {
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  it("accepts the current code and its neighbours only", () => {
    const now = 1_764_000_000_000;
    expect(matchTotp(secret, totpCodeAt(secret, now), now)).toBe(Math.floor(now / 30_000));
    expect(matchTotp(secret, totpCodeAt(secret, now - 30_000), now)).toBe(Math.floor(now / 30_000) - 1);
    expect(matchTotp(secret, totpCodeAt(secret, now - 120_000), now)).toBeNull();
    expect(matchTotp(secret, "12345", now)).toBeNull();
  });
});

describe("settings form", () => {
  const fd = (o: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(o)) f.set(k, v);
    return f;
  };
  it("reads cadence and two-factor policy, and refuses a milder colour reviewed more often", () => {
    const thresholds = {
      lecRedAbove: "320",
      lecOrange: "160",
      lecYellow: "70",
      matrixRed: "20",
      matrixOrange: "10",
      matrixYellow: "4",
      reportCutoff: "17:30",
    };
    const ok = parseSettingsForm(
      fd({
        reviewRed: "7",
        reviewOrange: "15",
        reviewYellow: "30",
        reviewBlue: "90",
        totpAdmins: "on",
        ...thresholds,
        organisation: "  榆林市安全风险防控办公室 ",
      }),
    );
    expect(ok).toEqual({
      ok: true,
      settings: {
        reviewDays: { red: 7, orange: 15, yellow: 30, blue: 90 },
        totpRequiredRoles: ["admin"],
        thresholds: { lec: { redAbove: 320, orange: 160, yellow: 70 }, matrix: { red: 20, orange: 10, yellow: 4 } },
        reportCutoff: "17:30",
        organisation: "榆林市安全风险防控办公室",
      },
    });
    // The organisation heads every document: one line of text, at most 60 characters.
    const long = parseSettingsForm(
      fd({
        reviewRed: "7",
        reviewOrange: "15",
        reviewYellow: "30",
        reviewBlue: "90",
        ...thresholds,
        organisation: "办".repeat(61),
      }),
    );
    expect(!long.ok && long.fieldErrors).toMatchObject({ organisation: ["tooLong"] });
    const control = parseSettingsForm(
      fd({
        reviewRed: "7",
        reviewOrange: "15",
        reviewYellow: "30",
        reviewBlue: "90",
        ...thresholds,
        organisation: "市\u0007应急局",
      }),
    );
    expect(!control.ok && control.fieldErrors).toMatchObject({ organisation: ["invalidCharacters"] });
    const noCutoff = parseSettingsForm(
      fd({
        reviewRed: "7",
        reviewOrange: "15",
        reviewYellow: "30",
        reviewBlue: "90",
        ...thresholds,
        reportCutoff: "25:00",
      }),
    );
    expect(!noCutoff.ok && noCutoff.fieldErrors).toMatchObject({ reportCutoff: ["cutoffFormat"] });
    const bad = parseSettingsForm(
      fd({ reviewRed: "30", reviewOrange: "15", reviewYellow: "30", reviewBlue: "0", ...thresholds }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.fieldErrors).toMatchObject({ reviewRed: ["reviewDaysOrder"], reviewBlue: ["reviewDaysRange"] });
    const unordered = parseSettingsForm(
      fd({
        reviewRed: "7",
        reviewOrange: "15",
        reviewYellow: "30",
        reviewBlue: "90",
        ...thresholds,
        matrixOrange: "25",
      }),
    );
    expect(!unordered.ok && unordered.fieldErrors).toMatchObject({ matrixRed: ["thresholdOrder"] });
  });
});
