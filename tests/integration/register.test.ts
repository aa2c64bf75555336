import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRegisterPage } from "@/db/queries/register";
import { insertGeneratedRisks } from "@/db/seed/generate";
import { parseRegisterQuery } from "@/lib/validation/register-query";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
const today = "2026-11-25";
const now = new Date("2026-11-25T02:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  await insertGeneratedRisks(t.db, {
    count: 3000,
    seed: 7,
    now,
    spanDays: 730,
    extraEventsPerRisk: 1,
    actorName: "system:seed",
  });
  await t.exec("ANALYZE");
});
afterAll(() => t.cleanup());

const page = (params: Record<string, string>, pageSize = 50) =>
  listRegisterPage(t.db, { query: parseRegisterQuery(params).query, today, pageSize });
const all = async (params: Record<string, string>) => (await page(params, 100_000)).rows;
const titles = async (sqlWhere: string, ...args: unknown[]) =>
  ((await t.get(`SELECT count(*) AS n FROM risks WHERE ${sqlWhere}`, ...args)) as { n: number }).n;
/** The search's oracle, in plain JavaScript: how many risks hold every term in their title or description. */
const containing = async (...terms: string[]) =>
  (await t.all<{ title: string; description: string }>("SELECT title, description FROM risks")).filter((r) =>
    terms.every((q) => r.title.includes(q) || r.description.includes(q)),
  ).length;

describe("register filters", () => {
  it("filters by colour, region, status and unit together", async () => {
    const region = t.regionId["610881"];
    const rows = await all({ colour: "red", region: String(region), status: "controlling" });
    expect(rows.length).toBe(await titles("colour = 'red' AND region_id = ? AND status = 'controlling'", region));
    expect(rows.every((r) => r.colour === "red" && r.regionZh === "神木市" && r.status === "controlling")).toBe(true);
  });

  it("lists only reds awaiting a leader's acknowledgement", async () => {
    const rows = await all({ ack: "1" });
    expect(rows.length).toBe(await titles("ack_pending = true"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.colour === "red" && r.ackPending)).toBe(true);
  });

  it("filters by kind of area", async () => {
    const rows = await all({ kind: "domain" });
    expect(rows.length).toBe(await titles("area_id IN (SELECT id FROM areas WHERE kind = 'domain')"));
  });

  it("lists only open risks whose review day has passed as overdue", async () => {
    const rows = await all({ overdue: "1" });
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.every((r) => r.nextReviewDate < today && (r.status === "identified" || r.status === "controlling")),
    ).toBe(true);
    expect(rows.length).toBe(await titles("status IN ('identified','controlling') AND next_review_date < ?", today));
  });
});

describe("Chinese substring search", () => {
  it.each([["燃气"], ["瓦斯超限"], ["燃"], ["管网老化风险"]])("finds exactly the risks containing %s", async (q) => {
    const expected = await containing(q);
    expect(expected).toBeGreaterThan(0);
    expect((await page({ q })).total).toBe(expected);
  });

  it("requires every term (AND) and treats wildcards literally", async () => {
    const both = (await page({ q: "燃气 神木" })).total;
    expect(both).toBe(await containing("燃气", "神木"));
    expect((await page({ q: "%" })).total).toBe(0);
    expect((await page({ q: '"' })).total).toBe(0);
    // Hostile input: NUL and quotes once broke the FTS5 parser; now they are plain text.
    for (const q of ["\u0000'\"", 'a" OR "b', "NEAR(燃气 神木)", "燃气*", "'; DROP TABLE risks; --"]) {
      await expect(page({ q })).resolves.toBeDefined();
    }
  });
});

describe("sorting and pagination", () => {
  it("sorts by severity by default, red first", async () => {
    const sev = { red: 4, orange: 3, yellow: 2, blue: 1 } as const;
    const rows = (await page({}, 500)).rows.map((r) => sev[r.colour]);
    expect(rows).toEqual([...rows].sort((a, b) => b - a));
  });

  it("sorts by next review ascending", async () => {
    const days = (await page({ sort: "nextReview" })).rows.map((r) => r.nextReviewDate);
    expect(days).toEqual([...days].sort());
  });

  it("pages without gaps or repeats and clamps past the last page", async () => {
    const seen = new Set<number>();
    const { pages } = await page({ sort: "updated" }, 400);
    for (let p = 1; p <= pages; p++)
      (await page({ sort: "updated", page: String(p) }, 400)).rows.forEach((r) => seen.add(r.id));
    expect(seen.size).toBe(3000);
    expect((await page({ page: "9999" })).page).toBe(Math.ceil(3000 / 50));
  });

  it("walks an index for each sort instead of sorting the table", async () => {
    if (t.sqlite) {
      const plan = async (sql: string) =>
        ((await t.all(`EXPLAIN QUERY PLAN ${sql}`)) as Array<{ detail: string }>).map((r) => r.detail).join(" | ");
      expect(await plan("SELECT id FROM risks ORDER BY severity DESC, updated_at DESC, id DESC LIMIT 50")).not.toMatch(
        /TEMP B-TREE/,
      );
      expect(
        await plan("SELECT id FROM risks ORDER BY next_review_date ASC, severity DESC, id ASC LIMIT 50"),
      ).not.toMatch(/TEMP B-TREE/);
      expect(
        await plan("SELECT id FROM risks WHERE severity = 4 ORDER BY updated_at DESC, id DESC LIMIT 50"),
      ).not.toMatch(/TEMP B-TREE/);
      // Region + colour is one range of the (region, severity, updated_at) index.
      expect(await plan("SELECT count(*) FROM risks WHERE region_id = 4 AND severity = 3")).toMatch(
        /risks_region_severity_idx \(region_id=\? AND severity=\?\)/,
      );
      return;
    }
    // PostgreSQL may rightly prefer a scan of 3,000 rows; with scans and full sorts priced out, a
    // plan without a whole-table Sort node shows the index exists. An Incremental Sort only orders
    // the rows that tie on the index's columns (the id tie-breaker), fifty at a time.
    await t.exec("SET enable_seqscan = off; SET enable_sort = off");
    const plan = async (sql: string) =>
      ((await t.all(`EXPLAIN ${sql}`)) as Array<{ "QUERY PLAN": string }>).map((r) => r["QUERY PLAN"]).join("\n");
    for (const sql of [
      "SELECT id FROM risks ORDER BY severity DESC, updated_at DESC, id DESC LIMIT 50",
      "SELECT id FROM risks ORDER BY next_review_date ASC, severity DESC, id ASC LIMIT 50",
      "SELECT id FROM risks WHERE severity = 4 ORDER BY updated_at DESC, id DESC LIMIT 50",
    ])
      expect(await plan(sql)).not.toMatch(/(^|->\s+)Sort\s/m);
    expect(await plan("SELECT count(*) FROM risks WHERE region_id = 4 AND severity = 3")).toMatch(
      /risks_region_severity_idx/,
    );
    await t.exec("RESET enable_seqscan; RESET enable_sort");
  });
});

describe("board counts", () => {
  it("match the register: open risks per colour, reds awaiting acknowledgement, overdue reviews", async () => {
    const { boardFromCounts } = await import("@/lib/domain/board");
    const { getBoardAlerts, listOpenCellCounts } = await import("@/db/queries/board");
    const board = boardFromCounts(await listOpenCellCounts(t.db));
    for (const colour of ["red", "orange", "yellow", "blue"] as const) {
      expect(board.totals[colour]).toBe(await titles("colour = ? AND status IN ('identified', 'controlling')", colour));
    }
    const cell = [...board.cells.entries()][0];
    const [areaId, regionId] = cell[0].split(":").map(Number);
    // A cell counts what is registered at its division itself: the register's `own` filter (a board's 本级 cell).
    expect(cell[1].open).toBe(
      (await page({ area: String(areaId), region: String(regionId), own: "1", open: "1" })).total,
    );
    const { listOpenMatrixCounts } = await import("@/db/queries/board");
    const matrix = await listOpenMatrixCounts(t.db);
    const assessed = await t.all<{ assessment: string }>(
      "SELECT assessment FROM risks WHERE status IN ('identified', 'controlling')",
    );
    expect(matrix.reduce((s, c) => s + c.n, 0)).toBe(
      assessed.filter((r) => (JSON.parse(r.assessment) as { method: string }).method === "matrix").length,
    );
    const busiest = [...matrix].sort((a, b) => b.n - a.n)[0];
    expect((await page({ ml: String(busiest.likelihood), ms: String(busiest.severity), open: "1" })).total).toBe(
      busiest.n,
    );
    expect(await getBoardAlerts(t.db, { today })).toEqual({
      awaitingAck: await titles("ack_pending = true AND status IN ('identified', 'controlling')"),
      overdue: (await all({ overdue: "1" })).length,
    });
  });
});
