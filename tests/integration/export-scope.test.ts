import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("next/navigation", async () => (await import("../support/request-context")).nextNavigation);
vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);
vi.mock("@/db/client", async () => (await import("../support/request-context")).dbClient);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

import { GET as exportHistory } from "@/app/api/exports/history/route";
import { GET as exportRegister } from "@/app/api/exports/register/route";
import { buildTemplate, openCopy, signInAs, type Fixture } from "../support/accounts";
import { resetRequest } from "../support/request-context";

/**
 * An export says in its first line whether it is the whole of what it exports ("scope=full") or a
 * part ("scope=partial"): only a full history export can be proved complete against the chain, so
 * any criterion at all — a day, an area, a region, a colour, an actor, an event type — must make it
 * partial (issue 17: area and region filters stopped doing so and no test noticed).
 */
let fixture: Fixture;
let copy: Awaited<ReturnType<typeof openCopy>> | undefined;
beforeAll(async () => void (fixture = await buildTemplate()), 120_000);
afterEach(async () => {
  await copy?.cleanup();
  copy = undefined;
});

async function firstLine(
  handler: (r: Request) => Promise<Response>,
  as: "auditor" | "officer",
  path: string,
  query: string,
) {
  resetRequest();
  await copy?.cleanup();
  copy = await openCopy(fixture);
  await signInAs(copy.db, fixture.users[as]);
  const res = await handler(
    new Request(`http://sise.local${path}?format=csv${query ? `&${query}` : ""}`, {
      headers: { "sec-fetch-site": "same-origin" },
    }),
  );
  expect(res.status, query).toBe(200);
  return (await res.text()).replace(/^\uFEFF/, "").split("\r\n")[0];
}

describe("the history export's scope", () => {
  it("is full with no criterion", async () => {
    expect(await firstLine(exportHistory, "auditor", "/api/exports/history", "")).toMatch(/scope=full;/);
  });
  it.each([
    ["a first day", "from=2026-01-01"],
    ["a last day", "to=2099-12-31"],
    ["an area", () => `area=${fixture.areaId.S03}`],
    ["a region", () => `region=${fixture.regionId["610881"]}`],
    ["a colour", "colour=red"],
    ["an actor", "actor=1"],
    ["an event type", "action=grade"],
  ])("is partial with %s", async (_what, query) => {
    const q = typeof query === "function" ? query() : query;
    expect(await firstLine(exportHistory, "auditor", "/api/exports/history", q)).toMatch(/scope=partial;/);
  });
});

describe("the register export's scope", () => {
  it("is full unfiltered and partial with an area, a region or a colour", async () => {
    expect(await firstLine(exportRegister, "officer", "/api/exports/register", "")).toMatch(/scope=full;/);
    for (const q of [`area=${fixture.areaId.S03}`, `region=${fixture.regionId["610881"]}`, "colour=red"]) {
      expect(await firstLine(exportRegister, "officer", "/api/exports/register", q), q).toMatch(/scope=partial;/);
    }
  });
});

describe("the history's CSV from its worker thread (issue 18)", () => {
  const download = async (query = "") => {
    resetRequest();
    await copy?.cleanup();
    copy = await openCopy(fixture);
    await signInAs(copy.db, fixture.users.auditor);
    return exportHistory(
      new Request(`http://sise.local/api/exports/history?format=csv${query}`, {
        headers: { "sec-fetch-site": "same-origin" },
      }),
    );
  };

  it("writes the snapshot taken before the export was recorded, every row, and verifies against the database", async () => {
    const res = await download();
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    const text = await res.text();
    const { verifyExport } = await import("@/db/exports/verify-export");
    const events = await copy!.value<number>("SELECT count(*) FROM risk_events");
    // The export's own event was written after its snapshot: the file holds every event but that one.
    expect(text).toMatch(new RegExp(`rows=${events - 1};`));
    const lines = text.split("\r\n").filter((l) => /^\d+,/.test(l));
    expect(lines).toHaveLength(events - 1);
    async function* chunks() {
      for (let i = 0; i < text.length; i += 4096) yield text.slice(i, i + 4096);
    }
    const report = await verifyExport(chunks(), await copy!.snap());
    expect(report.ok, JSON.stringify(report)).toBe(true);
  });

  it("stops its thread when the download is cancelled, and the next export still runs", async () => {
    const res = await download();
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    const again = await download("&action=grade");
    expect((await again.text()).split("\r\n")[0]).toMatch(/scope=partial;/);
  });
});
