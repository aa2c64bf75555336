import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("next/navigation", async () => (await import("../support/request-context")).nextNavigation);
vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);
vi.mock("@/db/client", async () => (await import("../support/request-context")).dbClient);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

import { POST as importRegister } from "@/app/api/imports/register/route";
import { buildTemplate, openCopy, signInAs, type Fixture } from "../support/accounts";
import { resetRequest } from "../support/request-context";

/**
 * The import writes exactly the plan the officer was shown: the commit names the dry run's digest,
 * and a commit whose file plans differently — another file, the same file edited, or no digest —
 * writes nothing (issue 17: dropping that check passed the whole suite).
 */
let fixture: Fixture;
let copy: Awaited<ReturnType<typeof openCopy>> | undefined;
beforeAll(async () => void (fixture = await buildTemplate()), 120_000);
afterEach(async () => {
  await copy?.cleanup();
  copy = undefined;
});

const HEADER =
  "code,title,description,area_code,region_code,colour,responsible_unit_code,responsible_person,next_review_date";
const file = (title: string) => `${HEADER}\r\n,"${title}",,S03,610881,蓝,U-ZJJ,张伟,\r\n`;
type State = { status: string; digest?: string; message?: string; counts?: Record<string, number> };

async function post(body: string, query: Record<string, string>) {
  const url = `http://sise.local/api/imports/register?${new URLSearchParams({ name: "台账.csv", ...query })}`;
  const res = await importRegister(
    new Request(url, { method: "POST", body, headers: { "sec-fetch-site": "same-origin" } }),
  );
  return { status: res.status, state: (await res.json()) as State };
}

describe("the register import's commit", () => {
  const risks = async () => (await copy!.value("SELECT count(*) FROM risks")) as number;
  const titled = async (title: string) =>
    (await copy!.value("SELECT count(*) FROM risks WHERE title = ?", title)) as number;
  const setUp = async () => {
    resetRequest();
    copy = await openCopy(fixture);
    await signInAs(copy.db, fixture.users.officer);
  };

  it("writes the previewed plan when the digest is the dry run's, once", async () => {
    await setUp();
    const preview = await post(file("神木市加油站油气回收风险"), { intent: "preview" });
    expect(preview).toMatchObject({ status: 200, state: { status: "preview", counts: { create: 1, error: 0 } } });
    expect(preview.state.digest).toMatch(/^[0-9a-f]{64}$/);
    const before = await risks();
    const done = await post(file("神木市加油站油气回收风险"), { intent: "commit", digest: preview.state.digest! });
    expect(done).toMatchObject({ status: 200, state: { status: "done" } });
    expect(await risks()).toBe(before + 1);
    expect(await titled("神木市加油站油气回收风险")).toBe(1);
  });

  it("refuses, writing nothing, a commit of a file that plans differently from the preview", async () => {
    await setUp();
    const preview = await post(file("神木市加油站油气回收风险"), { intent: "preview" });
    const before = await copy!.bytes();
    // The same file edited after the dry run: another title is another plan.
    const edited = await post(file("神木市加油站油气回收风险(改)"), {
      intent: "commit",
      digest: preview.state.digest!,
    });
    expect(edited.status).toBe(409);
    expect(edited.state.message).toMatch(/检查之后.*变化|changed since/);
    // No digest, or one that is not the dry run's.
    expect((await post(file("神木市加油站油气回收风险"), { intent: "commit" })).status).toBe(409);
    expect((await post(file("神木市加油站油气回收风险"), { intent: "commit", digest: "0".repeat(64) })).status).toBe(
      409,
    );
    expect((await copy!.bytes()).equals(before)).toBe(true);
  });
});
