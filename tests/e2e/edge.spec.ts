import { type APIRequestContext, type Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import fc from "fast-check";
import { signIn } from "./sign-in";

/**
 * Whatever arrives in a URL, no page and no route answers with a 5xx; and every kind of response —
 * a page, a prefetch, a 404, a static file, JSON, a download, a refused action — carries the
 * security headers, pages with a fresh CSP nonce each time.
 */
const PAGES: Array<{ path: string; params: string[]; as: "officer" | "leader" | "auditor" | "admin" }> = [
  {
    path: "/risks",
    params: [
      "q",
      "kind",
      "area",
      "region",
      "colour",
      "status",
      "unit",
      "overdue",
      "ack",
      "open",
      "own",
      "ml",
      "ms",
      "sort",
      "page",
    ],
    as: "officer",
  },
  { path: "/board", params: ["region", "view", "asOf", "since", "sinceMeeting"], as: "leader" },
  { path: "/board/meeting", params: ["region", "g", "since", "focus"], as: "leader" },
  { path: "/board/trend", params: ["area", "region", "weeks"], as: "leader" },
  { path: "/reports", params: ["day"], as: "leader" },
  { path: "/reports/compliance", params: ["days"], as: "leader" },
  { path: "/reports/file", params: ["unit", "day"], as: "officer" },
  { path: "/analysis", params: ["week"], as: "leader" },
  { path: "/tasks", params: ["status"], as: "officer" },
  { path: "/meetings", params: ["type"], as: "leader" },
  { path: "/admin/reference", params: ["table"], as: "admin" },
  { path: "/account", params: ["passwordChanged", "totpEnabled"], as: "auditor" },
  { path: "/login", params: ["next", "signedOut", "setup"], as: "auditor" },
  {
    path: "/api/exports/history",
    params: ["format", "from", "to", "area", "region", "colour", "actor", "action"],
    as: "auditor",
  },
  { path: "/api/exports/register", params: ["format", "q", "region", "colour", "page"], as: "officer" },
  { path: "/api/exports/analysis", params: ["week", "format"], as: "leader" },
  { path: "/api/exports/board", params: ["format", "region", "view", "asOf", "since"], as: "leader" },
  { path: "/api/divisions", params: ["q", "for"], as: "officer" },
];

/** Values a hostile or careless URL carries: empty, huge, non-ASCII, out of range, malformed percent-encoding. */
const value = fc.oneof(
  fc.constantFrom(
    "",
    "0",
    "-1",
    "1e309",
    "99999999999999999999",
    "0001-W01",
    "9999-W53",
    "0001-01-01",
    "2026-02-30",
    "2026-01-01T25:61",
    "燃气",
    "%ff",
    "%",
    "%E0%A4%A",
    "\u0000",
    "<script>",
    "../../etc/passwd",
    "a".repeat(5000),
    "2026-11-01T09:30",
    "matrix",
    "domain",
    "red",
    "csv",
    "xlsx",
    "pdf",
  ),
  fc.string({ maxLength: 40 }),
);
const query = (names: string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 6 }).map((pairs) =>
    // Built by hand so repeated names and broken escapes go out as they are.
    pairs.map(([k, v]) => `${k}=${/%(?![0-9A-Fa-f]{2})|%ff/i.test(v) ? v : encodeURIComponent(v)}`).join("&"),
  );

/** A person's signed-in request context (its browser context is closed when the test ends). */
async function signedIn(browser: Browser, as: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, as);
  return context.request;
}

test("no page and no route answers a hostile query with a 5xx", async ({ browser }) => {
  test.setTimeout(300_000);
  const contexts = new Map<string, APIRequestContext>();
  for (const as of new Set(PAGES.map((p) => p.as))) contexts.set(as, await signedIn(browser, as));
  for (const page of PAGES) {
    const request = contexts.get(page.as)!;
    await fc.assert(
      fc.asyncProperty(query(page.params), async (q) => {
        const res = await request.get(`${page.path}?${q}`, { maxRedirects: 0 });
        expect(res.status(), `${page.path}?${q}`).toBeLessThan(500);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 12) },
    );
  }
  // Paths themselves: broken escapes, unknown codes, huge segments.
  const request = contexts.get("officer")!;
  for (const path of [
    "/risks/%ff",
    "/risks/%",
    "/risks/%E0%A4%A",
    "/risks/%E0%A4%A/edit",
    `/risks/${"x".repeat(3000)}`,
    "/meetings/%ff",
    "/meetings/1e9",
    "/admin/users/-1",
  ]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBeLessThan(500);
  }
});

test("every kind of response carries the security headers; pages get a fresh nonce each time", async ({
  browser,
  request,
}) => {
  const officer = await signedIn(browser, "officer");
  const expectHeaders = (headers: Record<string, string>, what: string) => {
    expect(headers["content-security-policy"], what).toMatch(/default-src 'self'/);
    expect(headers["content-security-policy"], what).toMatch(/frame-ancestors 'none'/);
    expect(headers["x-content-type-options"], what).toBe("nosniff");
    expect(headers["x-frame-options"], what).toBe("DENY");
  };
  const cases: Array<[string, () => Promise<{ headers(): Record<string, string>; status(): number }>]> = [
    ["a page", () => officer.get("/risks")],
    [
      "a prefetch",
      () => officer.get("/risks", { headers: { "next-router-prefetch": "1", purpose: "prefetch", rsc: "1" } }),
    ],
    ["a 404 page", () => officer.get("/risks/YL-1999-99999")],
    ["a static 404", () => request.get("/_next/static/chunks/nothing-here.js")],
    ["the favicon", () => request.get("/favicon.ico")],
    ["JSON", () => officer.get("/api/board/version")],
    ["an export", () => officer.get("/api/exports/register?format=csv")],
    ["the export check", () => officer.post("/api/exports/verify", { data: "a,b\r\n" })],
    [
      "a refused cross-site action",
      () => request.post("/login", { headers: { origin: "http://evil.example", "next-action": "x" }, data: "x" }),
    ],
    ["an anonymous page", () => request.get("/login")],
  ];
  for (const [what, call] of cases) expectHeaders((await call()).headers(), what);
  // A nonce is new on every response: two loads of the same page never share one.
  const nonce = async () =>
    /'nonce-([^']+)'/.exec((await officer.get("/risks")).headers()["content-security-policy"])?.[1];
  const [a, b] = [await nonce(), await nonce()];
  expect(a).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
  expect(b).not.toBe(a);
  // A server action from another site is refused at the door, in words, not with a 500.
  const crossSite = await request.post("/login", {
    headers: { "sec-fetch-site": "cross-site", "next-action": "x" },
    data: "x",
  });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.text()).toMatch(/其他网站/);
});
