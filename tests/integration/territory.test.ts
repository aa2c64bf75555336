import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("next/navigation", async () => (await import("../support/request-context")).nextNavigation);
vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);
vi.mock("@/db/client", async () => (await import("../support/request-context")).dbClient);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

import { POST as importDivisions } from "@/app/api/imports/divisions/route";
import { presentBoard } from "@/db/queries/board-snapshot";
import { insertRisk } from "@/db/mutations/risks";
import { listRegisterPage } from "@/db/queries/register";
import { loadTerritory } from "@/db/queries/territory";
import { rollUpBoard } from "@/lib/domain/territory";
import { buildTemplate, openCopy, signInAs, type Fixture } from "../support/accounts";
import { assessment } from "../support/risk-input";
import { resetRequest } from "../support/request-context";

/**
 * The four-level territory end to end on a real database: the division list import (dry run,
 * errors in words, commit, the same list again, rename, retirement), and a risk registered in a
 * village counted on its town's, county's and city's boards and nowhere else.
 */
let fixture: Fixture;
let copy: Awaited<ReturnType<typeof openCopy>> | undefined;
beforeAll(async () => void (fixture = await buildTemplate()), 120_000);
afterEach(async () => {
  await copy?.cleanup();
  copy = undefined;
});

type State = {
  status: string;
  digest?: string;
  message?: string;
  counts?: Record<string, number>;
  rows?: Array<{ line: number; action: string; notes: string[] }>;
};
async function post(body: string, query: Record<string, string>) {
  const url = `http://sise.local/api/imports/divisions?${new URLSearchParams({ name: "区划.csv", ...query })}`;
  const res = await importDivisions(
    new Request(url, { method: "POST", body, headers: { "sec-fetch-site": "same-origin" } }),
  );
  return { status: res.status, state: (await res.json()) as State };
}
async function importList(csv: string) {
  const preview = await post(csv, { intent: "preview" });
  const done = await post(csv, { intent: "commit", digest: preview.state.digest ?? "" });
  return { preview, done };
}

const LIST = [
  "统计用区划代码,名称,上级代码,层级",
  "610802001000,鼓楼街道,610802000000,街道",
  "610802001001,鼓楼社区,,社区",
  "610802001002,南门社区,,",
  "610802002000,青云镇,,镇",
  "610881001000,麟州街道,610881000000,",
  "610881001001,东街社区,,",
].join("\r\n");

async function setUp() {
  resetRequest();
  copy = await openCopy(fixture);
  await signInAs(copy.db, fixture.users.admin);
}
const regionByCode = async (code: string) =>
  (await copy!.value("SELECT id FROM regions WHERE code = ?", code)) as number | undefined;

describe("the division list import", () => {
  it("dry run lists what would happen and writes nothing; the commit adds every division with its event", async () => {
    await setUp();
    const before = await copy!.bytes();
    const preview = await post(LIST, { intent: "preview" });
    expect(preview).toMatchObject({ status: 200, state: { status: "preview", counts: { create: 6, error: 0 } } });
    expect(preview.state.rows![0].notes[0]).toContain("鼓楼街道");
    expect((await copy!.bytes()).equals(before)).toBe(true);

    const done = await post(LIST, { intent: "commit", digest: preview.state.digest! });
    expect(done).toMatchObject({ status: 200, state: { status: "done" } });
    expect(done.state.message).toContain("新增 6 个区划");
    const village = await copy!.get<{ level: string; parent: string }>(
      "SELECT r.level, p.code AS parent FROM regions r JOIN regions p ON p.id = r.parent_id WHERE r.code = ?",
      "610802001001",
    );
    expect(village).toEqual({ level: "village", parent: "610802001" });
    expect(await copy!.value("SELECT count(*) FROM risk_events WHERE action = 'reference.create'")).toBeGreaterThan(76);

    // The same list again: nothing to do, nothing written.
    const again = await importList(LIST);
    expect(again.preview.state.counts).toMatchObject({ create: 0, update: 0, unchanged: 6 });
    expect(again.done.state.message).toBe("没有需要新增或修改的区划。");
  });

  it("renames and retires on a later import, never deletes; a retired division keeps its risks", async () => {
    await setUp();
    await importList(LIST);
    const qingyun = (await regionByCode("610802002"))!;
    const later = [
      "代码,名称,英文名称,状态",
      "610802002000,青云镇(新),Qingyun,有效",
      "610802001002,南门社区,,撤销",
    ].join("\r\n");
    const { preview, done } = await importList(later);
    expect(preview.state.counts).toMatchObject({ update: 2, error: 0 });
    expect(done.state.status).toBe("done");
    expect(await copy!.get("SELECT name_zh, name_en FROM regions WHERE id = ?", qingyun)).toEqual({
      name_zh: "青云镇(新)",
      name_en: "Qingyun",
    });
    expect(await copy!.value("SELECT active FROM regions WHERE code = '610802001002'")).toBe(0);
    expect(await copy!.value("SELECT count(*) FROM regions WHERE code LIKE '6108%'")).toBe(13 + 6);
    expect(
      await copy!.value(
        "SELECT count(*) FROM risk_events WHERE action IN ('reference.rename', 'reference.deactivate')",
      ),
    ).toBeGreaterThanOrEqual(1);
  });

  it("refuses a list with errors in words, row by row, and writes nothing", async () => {
    await setUp();
    const bad = [
      "代码,名称,层级",
      "610803009001,孤村,",
      "6108020010,八位码,",
      "610802003000,,镇",
      "610802004000,山镇,村",
    ].join("\r\n");
    const before = await copy!.bytes();
    const preview = await post(bad, { intent: "preview" });
    expect(preview.state.counts).toMatchObject({ error: 4 });
    const notes = preview.state.rows!.map((r) => r.notes.join(";"));
    expect(notes[0]).toMatch(/上级 610803009 不存在/);
    expect(notes[1]).toMatch(/不是统计用区划代码/);
    expect(notes[2]).toMatch(/缺少名称/);
    expect(notes[3]).toMatch(/层级与代码不一致:代码表示乡镇/);
    const commit = await post(bad, { intent: "commit", digest: preview.state.digest! });
    expect(commit.status).toBe(422);
    expect((await copy!.bytes()).equals(before)).toBe(true);
  });

  it("is for admins only", async () => {
    resetRequest();
    copy = await openCopy(fixture);
    await signInAs(copy.db, fixture.users.officer);
    expect((await post(LIST, { intent: "preview" })).status).toBe(403);
  });
});

describe("a risk registered in a village", () => {
  it("counts on its town's, county's and city's boards, in the register filtered to any of them, and nowhere else", async () => {
    await setUp();
    await importList(LIST);
    const [village, town, county, city, otherTown, otherCounty] = await Promise.all(
      ["610802001001", "610802001", "610802", "610800", "610802002", "610881"].map(regionByCode),
    );
    const today = new Date().toISOString().slice(0, 10);
    const totalsAt = async (node: number) =>
      rollUpBoard(await loadTerritory(copy!.db), (await presentBoard(copy!.db, today)).board, node).totals;
    const [otherTownBefore, otherCountyBefore] = [await totalsAt(otherTown!), await totalsAt(otherCounty!)];
    const risk = await insertRisk(copy!.db, {
      input: {
        title: "鼓楼社区老旧燃气管道风险",
        description: "",
        areaId: fixture.areaId.S03,
        regionId: village!,
        responsibleUnitId: fixture.unitId["U-ZJJ"],
        responsiblePerson: "王芳",
        coUnitIds: [],
        reason: "",
      },
      assessment: assessment("red"),
      nextReviewDate: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
      actor: { id: null, name: "test" },
      now: new Date(),
      year: new Date().getFullYear(),
    });
    const territory = await loadTerritory(copy!.db);
    const board = (await presentBoard(copy!.db, today)).board;
    const redAt = (node: number, column: number) =>
      rollUpBoard(territory, board, node).cells.get(`${fixture.areaId.S03}:${column}`)?.counts.red ?? 0;
    expect(redAt(city!, county!)).toBe(1);
    expect(redAt(county!, town!)).toBe(1);
    expect(redAt(town!, village!)).toBe(1);
    expect(redAt(county!, county!)).toBe(0); // not 县本级
    expect(await totalsAt(otherTown!)).toEqual(otherTownBefore);
    expect(await totalsAt(otherCounty!)).toEqual(otherCountyBefore);
    expect(rollUpBoard(territory, board, city!).totals.red).toBe(board.totals.red);

    const listed = async (region: number, own = false) =>
      (
        await listRegisterPage(copy!.db, { query: { region: [region], own, sort: "severity", page: 1 }, today })
      ).rows.map((r) => r.code);
    for (const region of [village!, town!, county!]) expect(await listed(region)).toContain(risk.code);
    expect(await listed(otherTown!)).not.toContain(risk.code);
    expect(await listed(county!, true)).not.toContain(risk.code);
  });
});

describe("reporting by level", () => {
  it("a county's reporting covers its own units and its towns', the city's covers every unit", async () => {
    await setUp();
    await importList(LIST);
    const { insertReference } = await import("@/db/mutations/reference");
    const { listReportingUnits } = await import("@/db/queries/reports");
    const { unitsWithin } = await import("@/lib/views/reporting");
    const [county, town, otherCounty, city] = await Promise.all(
      ["610802", "610802001", "610881", "610800"].map(regionByCode),
    );
    const add = async (code: string, parentId: number | null) => {
      const r = await insertReference(copy!.db, {
        table: "units",
        values: { code, nameZh: code, nameEn: code, parentId },
        actor: { id: null, name: "test" },
        now: new Date(),
      });
      expect(r.ok).toBe(true);
    };
    await add("U-YY-YJJ", county!);
    await add("U-YY-GL", town!);
    await add("U-SM-YJJ", otherCounty!);
    const codes = async (region: number | undefined) =>
      (await listReportingUnits(copy!.db, await unitsWithin(copy!.db, region))).map((u) => u.code);
    expect(await codes(county!)).toEqual(["U-YY-YJJ", "U-YY-GL"]);
    expect(await codes(town!)).toEqual(["U-YY-GL"]);
    const all = await codes(city!);
    expect(all).toEqual(await codes(undefined));
    expect(all).toEqual(expect.arrayContaining(["U-YY-YJJ", "U-YY-GL", "U-SM-YJJ", "U-YJJ"]));
    const refused = await insertReference(copy!.db, {
      table: "units",
      values: { code: "U-X", nameZh: "x", nameEn: "x", parentId: 999_999 },
      actor: { id: null, name: "test" },
      now: new Date(),
    });
    expect(refused).toEqual({ ok: false, error: "badParent" });
  });
});

describe("a county's weekly analysis", () => {
  it("holds the county's risks and divisions only; the city's holds both counties'", async () => {
    await setUp();
    await importList(LIST);
    const { loadWeeklyAnalysis } = await import("@/lib/analysis/load");
    const { mondayOf, dayInZone } = await import("@/lib/domain/dates");
    const [village, town, county, otherCounty] = await Promise.all(
      ["610802001001", "610802001", "610802", "610881"].map(regionByCode),
    );
    const now = new Date();
    const add = (title: string, regionId: number) =>
      insertRisk(copy!.db, {
        input: {
          title,
          description: "",
          areaId: fixture.areaId.S03,
          regionId,
          responsibleUnitId: fixture.unitId["U-ZJJ"],
          responsiblePerson: "王芳",
          coUnitIds: [],
          reason: "",
        },
        assessment: assessment("red"),
        nextReviewDate: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
        actor: { id: null, name: "test" },
        now,
        year: now.getFullYear(),
      });
    const here = await add("鼓楼社区燃气管道风险", village!);
    const there = await add("神木市加气站风险", otherCounty!);
    const monday = mondayOf(dayInZone(now, "Asia/Shanghai"));
    const created = async (region?: number) => {
      const { analysis, organisation } = await loadWeeklyAnalysis(copy!.db, {
        monday,
        now: new Date(now.getTime() + 1000),
        locale: "zh-CN",
        region,
      });
      return { ids: analysis.changes.created.map((c) => c.riskId), analysis, organisation };
    };
    const countyView = await created(county!);
    expect(countyView.ids).toContain(here.id);
    expect(countyView.ids).not.toContain(there.id);
    expect(countyView.organisation).toContain("榆阳区");
    // Its divisions are its board's columns: 县本级 and its towns (the village's risk under its town).
    expect(countyView.analysis.regions.map((g) => g.id)).toContain(town!);
    expect(countyView.analysis.regions.map((g) => g.id)).not.toContain(village!);
    expect(countyView.analysis.conclusions).toBeNull();
    const cityView = await created(undefined);
    expect(cityView.ids).toEqual(expect.arrayContaining([here.id, there.id]));
    expect(cityView.analysis.counts.now.red).toBeGreaterThan(countyView.analysis.counts.now.red);
  });
});
