import { afterEach, describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { isRole, permissionsOf } from "@/lib/auth/permissions";
import { safeNextPath } from "@/lib/auth/redirect";
import { clientIp, isHttps, isSameOrigin, requestHost, trustedProxies } from "@/lib/auth/request-info";
import { temporaryPassword } from "@/lib/auth/temporary-password";
import { generateToken, hashToken, sameDigest } from "@/lib/auth/tokens";
import { matchTotp, newTotpSecret, totpCodeAt, totpUri } from "@/lib/auth/totp";

/** The sign-in helpers at their edges (decision 020 for the proxy rules); expected values written out. */
afterEach(() => vi.unstubAllEnvs());
const h = (init: Record<string, string>) => new Headers(init);

describe("who is calling, and over what", () => {
  it("trusts between 1 and 10 proxies when told to, and none for anything else", () => {
    for (const [v, n] of [
      [undefined, 0],
      ["0", 0],
      ["1", 1],
      ["3", 3],
      ["10", 10],
      ["11", 10],
      ["-1", 0],
      ["1.5", 0],
      ["x", 0],
    ] as const) {
      if (v === undefined) vi.stubEnv("SISE_TRUSTED_PROXIES", undefined as never);
      else vi.stubEnv("SISE_TRUSTED_PROXIES", v);
      expect(trustedProxies(), String(v)).toBe(n);
    }
  });
  it("takes IPv4-mapped addresses as IPv4 and refuses anything that is not an address", () => {
    expect(clientIp(h({ "x-sise-peer": " ::ffff:203.0.113.9 " }))).toBe("203.0.113.9");
    expect(clientIp(h({ "x-sise-peer": "::ffff:10.20.30.40" }))).toBe("10.20.30.40");
    expect(clientIp(h({ "x-sise-peer": "::ffff:abcd" }))).toBe("::ffff:abcd");
    expect(clientIp(h({ "x-sise-peer": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientIp(h({ "x-sise-peer": "10.0.0.1; drop" }))).toBeNull();
    expect(clientIp(h({}))).toBeNull();
  });
  it("counts trusted hops back from the socket through X-Forwarded-For, spaces and empty entries ignored", () => {
    vi.stubEnv("SISE_TRUSTED_PROXIES", "2");
    expect(clientIp(h({ "x-sise-peer": "10.0.0.3", "x-forwarded-for": "forged,198.51.100.4 , ,10.0.0.2" }))).toBe(
      "198.51.100.4",
    );
    expect(clientIp(h({ "x-sise-peer": "10.0.0.3" }))).toBeNull(); // fewer hops than promised: no address
  });
  it("is https only when the deployment says so, or a trusted proxy's first X-Forwarded-Proto says https", () => {
    expect(isHttps(h({ "x-forwarded-proto": "https" }))).toBe(false);
    vi.stubEnv("SISE_SECURE_COOKIES", "1");
    expect(isHttps(h({}))).toBe(true);
    vi.stubEnv("SISE_SECURE_COOKIES", "0");
    vi.stubEnv("SISE_TRUSTED_PROXIES", "1");
    expect(isHttps(h({ "x-forwarded-proto": " https , http" }))).toBe(true);
    expect(isHttps(h({ "x-forwarded-proto": "http, https" }))).toBe(false);
    expect(isHttps(h({}))).toBe(false);
  });
  it("reads the host from a trusted proxy's X-Forwarded-Host, else Host, else the URL", () => {
    const url = "http://internal:3000/x";
    expect(requestHost(h({ host: "sise.local", "x-forwarded-host": "evil.example" }), url)).toBe("sise.local");
    expect(requestHost(h({}), url)).toBe("internal:3000");
    vi.stubEnv("SISE_TRUSTED_PROXIES", "1");
    expect(requestHost(h({ host: "internal", "x-forwarded-host": " risk.yulin.gov.cn , other" }), url)).toBe(
      "risk.yulin.gov.cn",
    );
    expect(requestHost(h({ host: "internal" }), url)).toBe("internal");
  });
  it("counts a typed address (Sec-Fetch-Site none) and a client without Origin as same-origin, a bad Origin as not", () => {
    const url = "http://sise.local/api/x";
    expect(isSameOrigin(h({ "sec-fetch-site": "none" }), url)).toBe(true);
    expect(isSameOrigin(h({ "sec-fetch-site": "same-site" }), url)).toBe(false);
    expect(isSameOrigin(h({}), url)).toBe(true);
    expect(isSameOrigin(h({ origin: "null", host: "sise.local" }), url)).toBe(false);
  });
});

describe("where to go after signing in", () => {
  it("falls back for anything over 500 characters, or with a backslash or control character anywhere", () => {
    expect(safeNextPath(`/${"a".repeat(499)}`)).toBe(`/${"a".repeat(499)}`);
    expect(safeNextPath(`/${"a".repeat(500)}`)).toBe("/risks");
    expect(safeNextPath("/risks//x")).toBe("/risks//x");
    expect(safeNextPath("/risks/\\x")).toBe("/risks");
    expect(safeNextPath(42, "/board")).toBe("/board");
    expect(safeNextPath("/board#cell")).toBe("/board#cell");
  });
});

describe("tokens, digests and passwords", () => {
  it("makes 256-bit URL-safe tokens, stores their SHA-256, and compares digests exactly", () => {
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sameDigest("abc", "abc")).toBe(true);
    expect(sameDigest("abc", "abd")).toBe(false);
    expect(sameDigest("abc", "abcd")).toBe(false);
  });
  it("hands out temporary passwords an admin can read aloud: four groups of four, no 0/O/1/l/I", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = temporaryPassword();
      expect(p).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{4}(-[a-km-np-zA-HJ-NP-Z2-9]{4}){3}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });
  it("hashes with argon2id (19 MiB, 2 passes, 1 lane) and verifies only the right password", async () => {
    const stored = await hashPassword("correct horse");
    expect(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(await verifyPassword(stored, "correct horse")).toBe(true);
    expect(await verifyPassword(stored, "wrong horse")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
    expect(await verifyPassword(undefined, "sise-timing-equaliser")).toBe(false);
  });
});

describe("roles", () => {
  it("knows the four roles and unions their permissions", () => {
    expect(["admin", "officer", "leader", "auditor"].every(isRole)).toBe(true);
    expect(["root", "", 1, null].some(isRole)).toBe(false);
    expect(permissionsOf(["nobody" as never]).size).toBe(0);
  });
});

describe("two-factor codes", () => {
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  const now = 1_764_547_215_000; // 15 s into a 30 s step
  const step = Math.floor(now / 30_000);
  it("takes six digits, spaces ignored, within one step either way, and returns the step", () => {
    const code = totpCodeAt(secret, now);
    expect(matchTotp(secret, code, now)).toBe(step);
    expect(matchTotp(secret, `${code.slice(0, 3)}  ${code.slice(3)}`, now)).toBe(step);
    expect(matchTotp(secret, totpCodeAt(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotp(secret, totpCodeAt(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchTotp(secret, totpCodeAt(secret, now - 60_000), now)).toBeNull();
    expect(matchTotp(secret, `${code}0`, now)).toBeNull();
    expect(matchTotp(secret, `x${code}`, now)).toBeNull();
    expect(matchTotp(secret, code.slice(1), now)).toBeNull();
  });
  it("makes 160-bit secrets and otpauth:// links an authenticator reads", () => {
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(s, { issuer: "Sise", label: "leader" })).toBe(
      `otpauth://totp/Sise:leader?issuer=Sise&secret=${s}&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
