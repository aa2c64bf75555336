import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { csvFile } from "@/db/exports/csv-file";
import { historySource } from "@/db/exports/history";
import type { ExportMeta } from "@/db/exports/source";
import { verifyExport, verifyXlsxExport } from "@/db/exports/verify-export";
import { xlsxFile } from "@/db/exports/xlsx-file";
import { reviewRisk } from "@/db/mutations/grading";
import { seedDemoRegister } from "@/db/seed";
import { historyExportWords } from "@/lib/exports/words";
import { VERIFY_LIMITS } from "@/lib/files/limits";
import { nameMaps } from "@/lib/history/names";
import { parseHistoryFilter } from "@/lib/validation/export-query";
import { createTestDb, type TestDb } from "./test-db";

vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

/**
 * Every history export the app offers can be verified by the app: the XLSX (for people) as well as
 * the CSV; and a file a spreadsheet damaged on re-saving is refused in words naming the column.
 */
const NOW = new Date("2026-11-25T02:00:00Z");
const meta: ExportMeta = {
  title: "历史记录导出",
  scopeLine: "",
  exporterLine: "",
  countLine: () => "",
  query: "",
  timeZone: "Asia/Shanghai",
};
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await seedDemoRegister(t.db, { count: 25, now: NOW });
  // An empty note is stored as "" — a different value from NULL that the XLSX must keep apart.
  const r = (await t.get("SELECT id, version FROM risks WHERE status IN ('identified','controlling') LIMIT 1")) as {
    id: number;
    version: number;
  };
  await reviewRisk(t.db, {
    riskId: r.id,
    expectedVersion: r.version,
    actor: { id: 3, name: "张伟" },
    now: NOW,
    note: "",
    nextReviewDate: "2026-12-01",
  });
});
afterEach(() => t.cleanup());

const filter = (q: string) => {
  const r = parseHistoryFilter(new URLSearchParams(q));
  if (!r.ok) throw new Error(r.fields.join());
  return r.filter;
};
async function exportXlsx(q = ""): Promise<Buffer> {
  const words = await historyExportWords(await nameMaps(t.db, "zh-CN"));
  const source = await historySource(await t.snap(), filter(q), "Asia/Shanghai", {
    format: "xlsx",
    words,
    pause: async () => undefined,
  });
  const colours = (["red", "orange", "yellow", "blue"] as const).map((c) => ({
    colour: c,
    word: c,
    level: "",
    definition: "",
  }));
  const stream = xlsxFile(
    source,
    { ...meta, query: q },
    { dataSheet: "历史记录", infoSheet: "说明", legendTitle: "", methodsTitle: "", methods: [], colours },
  );
  const bytes = Buffer.from(await new Response(stream).arrayBuffer());
  return bytes;
}
async function exportCsv(q = ""): Promise<string> {
  let out = "";
  for await (const s of csvFile(
    await historySource(await t.snap(), filter(q), "Asia/Shanghai", { pause: async () => undefined }),
    {
      ...meta,
      query: q,
    },
  ))
    out += s;
  return out;
}
async function* chunks(text: string) {
  for (let i = 0; i < text.length; i += 4096) yield text.slice(i, i + 4096);
}
const events = async () => (await t.value("SELECT count(*) FROM risk_events")) as number;

async function loadBook(bytes: Buffer) {
  const { Workbook } = await import("@cj-tech-master/excelts");
  const book = new Workbook();
  await book.xlsx.load(bytes);
  return book;
}

describe("history XLSX", () => {
  it("verifies, whole, against the database", async () => {
    const check = await verifyXlsxExport(await exportXlsx(), VERIFY_LIMITS.xlsx, await t.snap());
    expect(check).toMatchObject({ ok: true, scope: "full", rows: await events(), database: "matches" });
  });

  it("reads as a person reads: headings in words, times as date cells in Beijing time, the event in a sentence", async () => {
    const book = await loadBook(await exportXlsx());
    const sheet = book.getWorksheet("历史记录")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(["序号", "时间(北京时间)", "风险编号", "操作人", "事件", "原因或批示"]);
    expect(header.slice(6)).toEqual([
      "seq",
      "at",
      "risk_id",
      "risk_version",
      "actor_id",
      "actor_name",
      "action",
      "field",
      "old_value",
      "new_value",
      "reason",
      "data",
      "prev_hash",
      "hash",
    ]);
    const last = sheet.getRow((await events()) + 1);
    const at = Number(last.getCell(8).value);
    // The date cell holds the wall time in Beijing (UTC+8): Excel has no time zones.
    expect((last.getCell(2).value as Date).getTime()).toBe(at + 8 * 3_600_000);
    expect(last.getCell(2).numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    expect(String(last.getCell(5).value)).toMatch(/张伟/);
    expect(sheet.getColumn(5).width).toBeGreaterThan(20);
  });

  it("verifies a filtered XLSX row by row against the database", async () => {
    const check = await verifyXlsxExport(await exportXlsx("action=grade"), VERIFY_LIMITS.xlsx, await t.snap());
    const grades = (await t.value("SELECT count(*) FROM risk_events WHERE action = 'grade'")) as number;
    expect(check).toMatchObject({ ok: true, scope: "partial", rows: grades, database: "matches" });
  });

  it("names the row whose stored cell was edited", async () => {
    const book = await loadBook(await exportXlsx());
    const sheet = book.getWorksheet("历史记录")!;
    sheet.getRow(6).getCell(9 + 8).value = "已修改"; // the raw reason column (Q) of the 5th event
    const check = await verifyXlsxExport(
      Buffer.from(await book.xlsx.writeBuffer()),
      VERIFY_LIMITS.xlsx,
      await t.snap(),
    );
    expect(check).toMatchObject({ ok: false, problem: "chain", seq: 5, line: 6 });
  });
});

describe("a CSV damaged by a spreadsheet's re-save", () => {
  it("is refused, naming the column that changed: the all-zero genesis hash turned into 0", async () => {
    const csv = await exportCsv();
    const resaved = csv.replace(`"${"0".repeat(64)}"`, "0");
    expect(await verifyExport(chunks(resaved), await t.snap())).toMatchObject({
      ok: false,
      problem: "resaved",
      column: "prev_hash",
      seq: 1,
    });
  });

  it("names old_value when JSON true became TRUE", async () => {
    const csv = await exportCsv();
    const line = csv.split("\r\n").find((l) => l.includes(',"true",'))!;
    expect(line).toBeDefined();
    const resaved = csv.replace(line, line.replace(',"true",', ",TRUE,"));
    expect(await verifyExport(chunks(resaved), await t.snap())).toMatchObject({
      ok: false,
      problem: "resaved",
      column: "old_value",
    });
  });
});

describe("a partial export is compared with the database", () => {
  /** The documented formula, computed here: SHA-256(prev_hash ‖ JSON of the columns, keys sorted). */
  const rehash = (cells: Record<string, unknown>) => {
    const keys = [
      "action",
      "actor_id",
      "actor_name",
      "at",
      "data",
      "field",
      "new_value",
      "old_value",
      "reason",
      "risk_id",
      "risk_version",
      "seq",
    ];
    return createHash("sha256")
      .update(String(cells.prev_hash) + JSON.stringify(Object.fromEntries(keys.map((k) => [k, cells[k]]))))
      .digest("hex");
  };

  it("refuses a row whose content was changed and its hash recomputed to match", async () => {
    const csv = await exportCsv("action=grade");
    const { parse } = await import("csv-parse/sync");
    const { row } = await import("@/lib/domain/csv");
    // Read the cells as the file holds them (an unquoted empty field is NULL), as a forger would.
    const records = parse(csv, {
      bom: true,
      relax_column_count: true,
      cast: (v: string, c: { quoting: boolean }) => (!c.quoting && v === "" ? null : v),
    }) as Array<Array<string | null>>;
    const header = records.findIndex((r) => r[0] === "seq");
    const keys = records[header] as string[];
    const values = records[header + 1];
    const cells: Record<string, unknown> = Object.fromEntries(
      keys.map((k, i) => [
        k,
        ["seq", "at", "risk_id", "risk_version", "actor_id"].includes(k) && values[i] !== null
          ? Number(values[i])
          : values[i],
      ]),
    );
    cells.reason = "改过的批示";
    cells.hash = rehash(cells);
    const lines = csv.split("\r\n");
    lines[header + 1] = row(keys.map((k) => cells[k] as string | number | null)).replace(/\r\n$/, "");
    const check = await verifyExport(chunks(lines.join("\r\n")), await t.snap());
    expect(check).toMatchObject({ ok: false, problem: "database", seq: cells.seq, line: header + 2 });
  });

  it("refuses events that never happened, even with a consistent chain of their own", async () => {
    const head = (await t.get("SELECT seq, hash FROM risk_events ORDER BY seq DESC LIMIT 1")) as {
      seq: number;
      hash: string;
    };
    const lines = [
      `"# sise-export v1; kind=history; scope=partial; rows=3; filter=action=grade"`,
      "seq,at,at_local,risk_id,risk_code,risk_version,actor_id,actor_name,action,field,old_value,new_value,reason,data,prev_hash,hash",
    ];
    let prev = head.hash;
    for (let i = 1; i <= 3; i++) {
      const cells = {
        seq: head.seq + 1000 + i,
        at: NOW.getTime(),
        risk_id: 1,
        risk_version: 99,
        actor_id: null,
        actor_name: "伪造",
        action: "grade",
        field: "colour",
        old_value: '"blue"',
        new_value: '"red"',
        reason: "无",
        data: null,
        prev_hash: prev,
      };
      const hash = rehash(cells);
      lines.push(
        `${cells.seq},${cells.at},"2026-11-25 10:00:00",1,"YL-X",99,,"伪造","grade","colour","""blue""","""red""","无",,"${prev}","${hash}"`,
      );
      prev = hash;
    }
    const check = await verifyExport(chunks(lines.join("\r\n") + "\r\n"), await t.snap());
    expect(check).toMatchObject({ ok: false, problem: "database", seq: head.seq + 1001, line: 3 });
  });
});
