import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("@/db/client", async () => (await import("../support/request-context")).dbClient);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

import { GET as board } from "@/app/api/v1/board/route";
import { GET as events } from "@/app/api/v1/events/route";
import { GET as risks } from "@/app/api/v1/risks/route";
import { GET as hazardsApi } from "@/app/api/v1/hazards/route";
import { issueApiToken, revokeApiToken } from "@/db/mutations/api-tokens";
import { openDb } from "@/db/open";
import { sharedRateLimiter } from "@/db/rate-limits";
import { hashToken } from "@/lib/auth/tokens";
import { buildTemplate, openCopy, type Fixture } from "../support/accounts";

let fixture: Fixture;
let copy: Awaited<ReturnType<typeof openCopy>>;
beforeAll(async () => {
  fixture = await buildTemplate();
}, 120_000);
beforeEach(async () => {
  copy = await openCopy(fixture);
});
afterEach(() => copy.cleanup());

const admin = () => ({ id: fixture.users.admin, name: "admin (admin)" });
const get = (route: (r: Request) => Promise<Response>, path: string, token?: string) =>
  route(new Request(`http://sise.local${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));

describe("read API (/api/v1)", () => {
  it("refuses requests without a valid token, in words, and a revoked one at once", async () => {
    const none = await get(risks, "/api/v1/risks");
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({
      error: "unauthorized",
      message: expect.stringContaining("Authorization: Bearer"),
    });
    expect((await get(risks, "/api/v1/risks", "sise_not-a-token")).status).toBe(401);
    const { id, token } = await issueApiToken(copy.db, {
      name: "治理平台",
      areaIds: [],
      regionIds: [],
      actor: admin(),
      now: new Date(),
    });
    expect((await get(risks, "/api/v1/risks", token)).status).toBe(200);
    await revokeApiToken(copy.db, { id, actor: admin(), now: new Date() });
    expect((await get(risks, "/api/v1/risks", token)).status).toBe(401);
    // Issue and revoke are in the history; the token itself is not stored anywhere.
    const stored = await copy.all(
      "SELECT action, new_value, old_value FROM risk_events WHERE action LIKE 'api_token.%' ORDER BY seq",
    );
    expect(stored.map((e) => (e as { action: string }).action)).toEqual(["api_token.issue", "api_token.revoke"]);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await copy.bytes()).includes(Buffer.from(token))).toBe(false);
  });

  it("shows a scoped token only its areas × regions: risks, board and events", async () => {
    const { token } = await issueApiToken(copy.db, {
      name: "神木市",
      areaIds: [],
      regionIds: [fixture.regionId["610881"]],
      actor: admin(),
      now: new Date(),
    });
    const body = (await (await get(risks, "/api/v1/risks?limit=1", token)).json()) as {
      risks: Array<{ code: string; regionCode: string }>;
      next: number | null;
    };
    expect(body.risks).toHaveLength(1);
    expect(body.next).not.toBeNull();
    const rest = (await (await get(risks, `/api/v1/risks?after=${body.next}`, token)).json()) as typeof body;
    const codes = [...body.risks, ...rest.risks].map((r) => r.code).sort();
    expect(codes).toEqual([fixture.risks.inScope, fixture.risks.red].sort()); // not the 府谷县 risk
    expect([...body.risks, ...rest.risks].every((r) => r.regionCode === "610881")).toBe(true);

    const b = (await (await get(board, "/api/v1/board", token)).json()) as { totals: Record<string, number> };
    expect(b.totals).toEqual({ red: 1, orange: 1, yellow: 0, blue: 0 });

    const e = (await (await get(events, "/api/v1/events?since=0&limit=1000", token)).json()) as {
      events: Array<{ seq: number; riskCode: string | null; hazardCode: string | null; action: string; hash: string }>;
      next: number;
    };
    const risky = e.events.filter((x) => x.riskCode !== null);
    expect(new Set(risky.map((x) => x.riskCode))).toEqual(new Set([fixture.risks.inScope, fixture.risks.red]));
    // The hazards in its divisions come with their steps too, named by code.
    const hazardous = e.events.filter((x) => x.hazardCode !== null);
    expect(new Set(hazardous.map((x) => x.hazardCode))).toEqual(
      new Set([fixture.hazards.general, fixture.hazards.major]),
    );
    expect(hazardous.every((x) => x.action.startsWith("hazard.") && x.riskCode === null)).toBe(true);
    expect(risky.length + hazardous.length).toBe(e.events.length);
    expect(e.events.every((x, i, all) => i === 0 || x.seq > all[i - 1].seq)).toBe(true);
    const later = (await (await get(events, `/api/v1/events?since=${e.next}`, token)).json()) as typeof e;
    expect(later.events).toEqual([]);
    expect(later.next).toBe(e.next);
  });

  it("lists a scoped token's hazards with where each stands, by cursor and filter; none outside its divisions", async () => {
    const mint = async (regionIds: number[]) =>
      (await issueApiToken(copy.db, { name: "t", areaIds: [], regionIds, actor: admin(), now: new Date() })).token;
    const token = await mint([fixture.regionId["610881"]]);
    type Page = {
      hazards: Array<{ code: string; grade: string; status: string; regionCode: string }>;
      next: number | null;
    };
    const first = (await (await get(hazardsApi, "/api/v1/hazards?limit=1", token)).json()) as Page;
    expect(first.hazards).toHaveLength(1);
    const rest = (await (await get(hazardsApi, `/api/v1/hazards?after=${first.next}`, token)).json()) as Page;
    expect([...first.hazards, ...rest.hazards].map((h) => h.code).sort()).toEqual(
      [fixture.hazards.general, fixture.hazards.major].sort(),
    );
    expect(rest.next).toBeNull();
    const majors = (await (await get(hazardsApi, "/api/v1/hazards?grade=major", token)).json()) as Page;
    expect(majors.hazards).toMatchObject([
      { code: fixture.hazards.major, grade: "major", status: "found", regionCode: "610881" },
    ]);
    const elsewhere = await mint([fixture.regionId["610822"]]);
    expect(((await (await get(hazardsApi, "/api/v1/hazards", elsewhere)).json()) as Page).hazards).toEqual([]);
    expect((await get(hazardsApi, "/api/v1/hazards?grade=huge", token)).status).toBe(400);
  });

  it("answers malformed parameters with a 400 naming them", async () => {
    const { token } = await issueApiToken(copy.db, {
      name: "平台",
      areaIds: [],
      regionIds: [],
      actor: admin(),
      now: new Date(),
    });
    const r = await get(risks, "/api/v1/risks?limit=100000&colour=purple", token);
    expect(r.status).toBe(400);
    expect((await r.json()).message).toMatch(/limit.*colour|colour.*limit/);
    expect((await get(events, "/api/v1/events?since=-1", token)).status).toBe(400);
  });

  it("limits each token to the documented 20 requests a second, with Retry-After, on a clock the test moves", async () => {
    // The limiter's window runs on Date and its timers: faked here, so the second is exactly a second
    // however slow the machine is, and no real waiting is needed to see the window pass.
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"], now: new Date("2026-12-01T02:00:00Z") });
    try {
      const { token } = await issueApiToken(copy.db, {
        name: "压测",
        areaIds: [],
        regionIds: [],
        actor: admin(),
        now: new Date(),
      });
      const { token: other } = await issueApiToken(copy.db, {
        name: "夜间同步",
        areaIds: [],
        regionIds: [],
        actor: admin(),
        now: new Date(),
      });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await get(board, "/api/v1/board", token)).status);
      expect(statuses).toEqual(Array(20).fill(200));
      const limited = await get(board, "/api/v1/board", token);
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("1");
      expect(((await limited.json()) as { error: string }).error).toBe("rateLimited");
      // Another token has its own allowance.
      expect((await get(board, "/api/v1/board", other)).status).toBe(200);
      vi.advanceTimersByTime(990);
      expect((await get(board, "/api/v1/board", token)).status).toBe(429);
      vi.advanceTimersByTime(1_000);
      expect((await get(board, "/api/v1/board", token)).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("counts a token's allowance across every instance on PostgreSQL", async ({ skip }) => {
    if (copy.sqlite) skip("a SQLite deployment is one process: its limiter counts in memory");
    const { token } = await issueApiToken(copy.db, {
      name: "两台实例",
      areaIds: [],
      regionIds: [],
      actor: admin(),
      now: new Date(),
    });
    // Ten requests through this instance, ten through another on the same database…
    for (let i = 0; i < 10; i++) expect((await get(board, "/api/v1/board", token)).status).toBe(200);
    const other = openDb(copy.file);
    try {
      const key = hashToken(token);
      for (let i = 0; i < 10; i++) await sharedRateLimiter(other, "api", { points: 20, duration: 1 }).consume(key);
      // …and the twenty-first, through the first instance, is refused.
      expect((await get(board, "/api/v1/board", token)).status).toBe(429);
    } finally {
      await other.close();
    }
  });
});
