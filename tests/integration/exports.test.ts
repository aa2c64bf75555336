import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { csvFile } from "@/db/exports/csv-file";
import { historySource } from "@/db/exports/history";
import type { ExportMeta } from "@/db/exports/source";
import { verifyExport } from "@/db/exports/verify-export";
import { gradeRisk } from "@/db/mutations/grading";
import { seedDemoRegister } from "@/db/seed";
import { parseHistoryFilter } from "@/lib/validation/export-query";
import { assessment } from "../support/risk-input";
import { createTestDb, type TestDb } from "./test-db";

vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

let t: TestDb;
const now = new Date("2026-11-25T02:00:00Z");
const meta: ExportMeta = {
  title: "Sise 历史记录导出",
  scopeLine: "完整导出",
  exporterLine: "导出人 审计员",
  countLine: (n) => `事件 ${n} 条`,
  query: "",
  timeZone: "Asia/Shanghai",
};

beforeEach(async () => {
  t = await createTestDb();
  await seedDemoRegister(t.db, { count: 30, now });
  // A reason with what Excel would run as a formula, quotes, a comma and a line break.
  const risk = (await t.get("SELECT id, version FROM risks WHERE status IN ('identified', 'controlling') LIMIT 1")) as {
    id: number;
    version: number;
  };
  await gradeRisk(t.db, {
    riskId: risk.id,
    expectedVersion: risk.version,
    actor: { id: 7, name: "张伟" },
    now,
    assessment: assessment("red"),
    reason: '=HYPERLINK("x"), 第二行\r\n"引号"',
    nextReviewDate: "2026-12-01",
  });
});
afterEach(() => t.cleanup());

const filter = (q: string) => {
  const r = parseHistoryFilter(new URLSearchParams(q));
  if (!r.ok) throw new Error(r.fields.join());
  return r.filter;
};
async function exportText(q = "", chunk = 7): Promise<string> {
  let out = "";
  const source = await historySource(await t.snap(), filter(q), "Asia/Shanghai", {
    chunk,
    pause: async () => undefined,
  });
  for await (const s of csvFile(source, { ...meta, query: q })) out += s;
  return out;
}
async function* chunksOf(text: string, size = 1000) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
const events = async () => (await t.value("SELECT count(*) FROM risk_events")) as number;

describe("history export (CSV)", () => {
  it("writes every event with BOM, CRLF and the stated counts, and verifies against the database", async () => {
    const text = await exportText();
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.split("\r\n")[0]).toContain(`scope=full; rows=${await events()}`);
    expect(text).toContain(`"'=HYPERLINK(""x""), 第二行\r\n""引号"""`); // neutralised, quoted, kept whole
    const check = await verifyExport(chunksOf(text), await t.snap());
    expect(check).toMatchObject({
      ok: true,
      scope: "full",
      rows: await events(),
      database: "matches",
      newerInDatabase: 0,
    });
  });

  it("names the first bad row when a cell is changed, a row removed or the file cut short", async () => {
    const text = await exportText();
    const lines = text.split("\r\n");
    const changed = text.replace("第二行", "第三行");
    const bad = await verifyExport(chunksOf(changed), await t.snap());
    expect(bad).toMatchObject({ ok: false, problem: "chain" });
    // Removing a whole row (the 10th event: line 6 header + 10) breaks the sequence there.
    const removed = [...lines.slice(0, 15), ...lines.slice(16)].join("\r\n");
    const gap = await verifyExport(chunksOf(removed), await t.snap());
    expect(gap).toMatchObject({ ok: false, problem: "chain", seq: 11 });
    // Cutting the last row off leaves a valid shorter chain: the declared count catches it.
    const cut = text.slice(0, text.lastIndexOf(`\r\n${await events()},`) + 2);
    expect(await verifyExport(chunksOf(cut), await t.snap())).toMatchObject({ ok: false, problem: "count" });
  });

  it("reports a database that differs at the export's last sequence", async () => {
    const text = await exportText();
    await t.dropHistoryGuards();
    await t.run("UPDATE risk_events SET hash = 'x' WHERE seq = (SELECT max(seq) FROM risk_events)");
    expect(await verifyExport(chunksOf(text), await t.snap())).toMatchObject({ ok: false, problem: "database" });
  });

  it("exports exactly what a filter says, states that it is partial, and still checks each row", async () => {
    const text = await exportText("action=grade&from=2026-11-25&to=2026-11-25");
    const rows = text.split("\r\n").filter((l) => /^\d+,/.test(l));
    const expected = (await t.value(
      "SELECT count(*) FROM risk_events WHERE action = 'grade' AND at >= ? AND at < ?",
      Date.parse("2026-11-24T16:00:00Z"),
      Date.parse("2026-11-25T16:00:00Z"),
    )) as number;
    expect(expected).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected);
    expect(rows.every((l) => l.split(",")[8] === '"grade"')).toBe(true);
    expect(text.split("\r\n")[0]).toContain("scope=partial");
    expect(await verifyExport(chunksOf(text), await t.snap())).toMatchObject({
      ok: true,
      scope: "partial",
      rows: expected,
    });
    expect(await verifyExport(chunksOf(text.replace('"grade"', '"grades"')), await t.snap())).toMatchObject({
      ok: false,
      problem: "chain",
    });
  });

  it("refuses a filter it cannot read, naming the fields", () => {
    expect(parseHistoryFilter(new URLSearchParams("from=2026-02-30&colour=purple&area=x"))).toEqual({
      ok: false,
      fields: ["from", "area", "colour"],
    });
    expect(parseHistoryFilter(new URLSearchParams("from=2026-11-25&to=2026-11-01"))).toEqual({
      ok: false,
      fields: ["to"],
    });
  });

  it("says a file that is not a Sise export is not one", async () => {
    expect(await verifyExport(chunksOf("a,b\r\n1,2\r\n"))).toMatchObject({ ok: false, problem: "notAnExport" });
  });
});

describe("register export (CSV)", () => {
  it("exports the risks the register's filter selects, in the import template's columns", async () => {
    const { registerSource } = await import("@/db/exports/register");
    const { registerExportWords } = await import("@/lib/exports/words");
    const { parseRegisterQuery } = await import("@/lib/validation/register-query");
    const { parse } = await import("csv-parse/sync");
    const { query } = parseRegisterQuery({ colour: "red" });
    let text = "";
    const source = await registerSource(
      await t.snap(),
      query,
      { filter: "colour=red", today: "2026-11-25", words: await registerExportWords("zh-CN") },
      { chunk: 3, pause: async () => undefined },
    );
    for await (const s of csvFile(source, { ...meta, query: "colour=red" })) text += s;
    const records = parse(text, { bom: true, relax_column_count: true }) as string[][];
    const header = records.findIndex((r) => r[0] === "编号");
    // Headings a person reads, in the export's language; the import reads these back (and the keys).
    expect(records[header]).toEqual([
      "编号",
      "风险名称",
      "风险描述",
      "类别/领域",
      "区域",
      "风险等级",
      "状态",
      "责任单位",
      "责任人",
      "下次复核日期",
      "待领导确认",
      "评估方法",
      "更新时间(北京时间)",
      "类别/领域代码",
      "区域代码",
      "责任单位代码",
      "配合单位代码",
    ]);
    const rows = records.slice(header + 1);
    // The oracle is plain SQL written here, not the register's own filter builder: every red risk.
    const expected = (await t.all<{ code: string }>("SELECT code FROM risks WHERE colour = 'red' ORDER BY code")).map(
      (r) => r.code,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[0]).sort()).toEqual(expected);
    expect(rows.every((r) => r[5] === "红")).toBe(true);
    // Methods and flags in words, times in the city's zone.
    expect(rows.every((r) => ["LEC 作业条件危险性评价法", "风险矩阵法", "直接判定"].includes(r[11]))).toBe(true);
    expect(rows.every((r) => ["是", "否"].includes(r[10]) && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[12]))).toBe(
      true,
    );
    expect(records[0][0]).toContain(`kind=register; scope=partial; rows=${expected.length}`);
  });
});

describe("register export (XLSX)", () => {
  it("writes a data sheet with a frozen header and filled colour cells, and an information sheet", async () => {
    const { registerSource } = await import("@/db/exports/register");
    const { xlsxFile } = await import("@/db/exports/xlsx-file");
    const { Workbook } = await import("@cj-tech-master/excelts");
    const { registerExportWords } = await import("@/lib/exports/words");
    const source = await registerSource(
      await t.snap(),
      { sort: "severity", page: 1 },
      { filter: "", today: "2026-11-25", words: await registerExportWords("zh-CN") },
      { chunk: 4, pause: async () => undefined },
    );
    const stream = xlsxFile(
      source,
      { ...meta, query: "" },
      {
        dataSheet: "风险台账",
        infoSheet: "说明",
        legendTitle: "四色等级",
        methodsTitle: "评估方法",
        methods: ["风险矩阵法:R = L × S"],
        colours: [
          { colour: "red", word: "红", level: "重大风险", definition: "须立即降低" },
          { colour: "orange", word: "橙", level: "较大风险", definition: "" },
          { colour: "yellow", word: "黄", level: "一般风险", definition: "" },
          { colour: "blue", word: "蓝", level: "低风险", definition: "" },
        ],
      },
    );
    const bytes = Buffer.from(await new Response(stream).arrayBuffer());
    const book = new Workbook();
    await book.xlsx.load(bytes);
    const info = book.getWorksheet("说明")!;
    expect(String(info.getCell("A1").value)).toContain(`kind=register; scope=full; rows=${source.total}`);
    const data = book.getWorksheet("风险台账")!;
    expect(data.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(data.getCell("A1").value).toBe("编号");
    expect(data.rowCount).toBe(source.total + 1);
    let red = 0;
    data.eachRow((row, n) => {
      if (n === 1 || row.getCell(6).value !== "红") return;
      red += 1;
      expect((row.getCell(6).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe("FFC62828");
    });
    expect(red).toBe(await t.value("SELECT count(*) FROM risks WHERE colour = 'red'"));
  });
});

describe("XLSX row limit", () => {
  it("counts what a filter selects, the number the export compares with Excel's limit", async () => {
    const all = (await t.value("SELECT count(*) FROM risk_events")) as number;
    const total = async (q: string) => {
      const n = (await historySource(await t.snap(), filter(q), "Asia/Shanghai")).total;
      return n;
    };
    expect(await total("")).toBe(all);
    expect(await total("action=grade")).toBe(await t.value("SELECT count(*) FROM risk_events WHERE action = 'grade'"));
  });
});
