import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { markStoreDown, markStoreUp } from "@/db/health";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { config, proxy } from "@/proxy";

/**
 * proxy.ts itself, called with real NextRequests: a fresh nonce per request in the CSP the browser
 * gets and in the request headers Next reads it from, the security headers, and the cross-site
 * server-action refusal in words. The expected headers are written out here, not built with the
 * app's own helpers.
 */
const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(path, "http://sise.local"), {
    method: init.method ?? "GET",
    headers: { host: "sise.local", ...init.headers },
  });
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

afterEach(() => vi.unstubAllEnvs());

describe("proxy.ts: the CSP nonce", () => {
  it("gives every request its own nonce, the same one to the browser and to Next", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = proxy(request("/board"));
      const nonce = nonceOf(r.headers.get("content-security-policy"));
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/); // base64 of 16 random bytes: 128 bits
      // Next reads the nonce from the request's CSP header; NextResponse.next passes request headers on like this.
      expect(r.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
      expect(nonceOf(r.headers.get("x-middleware-request-content-security-policy"))).toBe(nonce);
      seen.add(nonce!);
    }
    expect(seen.size).toBe(20);
  });
  it("allows scripts only from this origin with this request's nonce, and nothing framed, embedded or based elsewhere", () => {
    const csp = proxy(request("/risks")).headers.get("content-security-policy")!;
    const nonce = nonceOf(csp);
    expect(csp.split("; ")).toEqual([
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]);
  });
});

describe("proxy.ts: the other headers", () => {
  const baseline = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "cross-origin-opener-policy": "same-origin",
  };
  it("sends the baseline on every page, and no HSTS over plain http", () => {
    const h = proxy(request("/board")).headers;
    for (const [name, value] of Object.entries(baseline)) expect(h.get(name), name).toBe(value);
    expect(h.get("strict-transport-security")).toBeNull();
  });
  it("sends HSTS for a year when a trusted proxy says https, and not on a client's own say-so", () => {
    const viaProxy = { headers: { "x-forwarded-proto": "https" } };
    expect(proxy(request("/board", viaProxy)).headers.get("strict-transport-security")).toBeNull();
    vi.stubEnv("SISE_TRUSTED_PROXIES", "1");
    expect(proxy(request("/board", viaProxy)).headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });
});

describe("proxy.ts: server actions from another site", () => {
  const crossSite = { method: "POST", headers: { "sec-fetch-site": "cross-site", "next-action": "abc" } };
  it("refuses a cross-site POST to a page with a 403 in Chinese, or in English for an English reader", async () => {
    const zhResponse = proxy(request("/risks/new", crossSite));
    expect(zhResponse.status).toBe(403);
    expect(await zhResponse.text()).toBe(zh.auth.crossSite);
    expect(zhResponse.headers.get("cache-control")).toBe("no-store");
    expect(zhResponse.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(nonceOf(zhResponse.headers.get("content-security-policy"))).toBeTruthy();
    const enResponse = proxy(
      request("/risks/new", { ...crossSite, headers: { ...crossSite.headers, cookie: "NEXT_LOCALE=en" } }),
    );
    expect(await enResponse.text()).toBe(en.auth.crossSite);
  });
  it("refuses a POST whose Origin is another host when the browser sends no Sec-Fetch-Site", () => {
    expect(proxy(request("/risks/new", { method: "POST", headers: { origin: "https://evil.example" } })).status).toBe(
      403,
    );
  });
  it("lets a same-origin POST, a cross-site GET and a POST to the API (which checks for itself) through", () => {
    for (const r of [
      request("/risks/new", { method: "POST", headers: { "sec-fetch-site": "same-origin" } }),
      request("/risks/new", { method: "POST", headers: { origin: "http://sise.local" } }),
      request("/board", { headers: { "sec-fetch-site": "cross-site" } }),
      request("/api/v1/risks", crossSite),
    ]) {
      const response = proxy(r);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-middleware-next")).toBe("1");
    }
  });
});

describe("proxy.ts: where it runs", () => {
  it.each(["/", "/board", "/risks/YL-2026-00001", "/api/v1/risks", "/api/exports/history", "/login"])(
    "runs on %s",
    (url) => {
      expect(unstable_doesMiddlewareMatch({ config, url })).toBe(true);
    },
  );
  // The two uploads are read by their route handlers as a bounded stream; the proxy would buffer them.
  it.each(["/api/exports/verify", "/api/imports/register", "/_next/static/chunks/a.js", "/favicon.ico"])(
    "does not run on %s",
    (url) => {
      expect(unstable_doesMiddlewareMatch({ config, url })).toBe(false);
    },
  );
});

describe("proxy.ts: while the database is out of reach", () => {
  afterEach(() => markStoreUp());

  it("answers a page with a 503 in the reader's language that retries by itself, and keeps the security headers", async () => {
    markStoreDown(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    const zhPage = proxy(request("/board"));
    expect(zhPage.status).toBe(503);
    expect(zhPage.headers.get("retry-after")).toBe("10");
    expect(zhPage.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(zhPage.headers.get("x-frame-options")).toBe("DENY");
    const html = await zhPage.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(zh.errors.unavailableTitle);
    expect(html).toContain('<meta http-equiv="refresh" content="10">');
    expect(html).not.toMatch(/ECONNREFUSED|5432|at \w+ \(/); // nothing about the cause leaks
    const enPage = proxy(request("/risks", { headers: { cookie: "NEXT_LOCALE=en" } }));
    expect(await enPage.text()).toContain(en.errors.unavailableTitle);
  });

  it("answers routes and actions in words as JSON, and lets the health check through", async () => {
    markStoreDown(new Error("Connection terminated unexpectedly"));
    for (const r of [
      proxy(request("/api/v1/board")),
      proxy(request("/risks/YL-2026-00001", { method: "POST", headers: { origin: "http://sise.local" } })),
    ]) {
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({ error: "unavailable", message: zh.api.unavailable });
    }
    expect(proxy(request("/api/health")).status).toBe(200);
  });

  it("lets everything through again once the store answers", () => {
    markStoreDown(new Error("Connection terminated unexpectedly"));
    markStoreUp();
    expect(proxy(request("/board")).status).toBe(200);
  });
});
