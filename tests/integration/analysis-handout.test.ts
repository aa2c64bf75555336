import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemo } from "@/db/seed";
import { buildAnalysisDocument, type AnalysisDocument } from "@/lib/analysis/document";
import { analysisDocx } from "@/lib/analysis/docx";
import { loadWeeklyAnalysis } from "@/lib/analysis/load";
import { analysisPdf } from "@/lib/analysis/pdf";
import { findPdfFont } from "@/lib/analysis/pdf-font";
import { addDays, mondayOf } from "@/lib/domain/dates";
import { createTestDb, type TestDb } from "./test-db";

vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

/**
 * The weekly analysis as the handout a leader is given, read back the way a person reads it: the
 * PDF through poppler's pdftotext page by page, the DOCX as its XML. The data is the demo seed's
 * last week (its escalations, de-escalations and reports), on the same seed the README's demo uses.
 */
const NOW = new Date("2026-11-25T02:00:00Z");
const LAST_MONDAY = addDays(mondayOf("2026-11-25"), -7);
const EMPTY_LINES = ["本周无。", "周末无。", "各单位均按时报送。", "无在管风险。"];
let t: TestDb;
let doc: AnalysisDocument;
let dir: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { now: NOW });
  const { analysis, names, organisation } = await loadWeeklyAnalysis(t.db, {
    monday: LAST_MONDAY,
    now: NOW,
    locale: "zh-CN",
  });
  doc = await buildAnalysisDocument(analysis, { names, organisation, who: "李娜", now: NOW });
  dir = mkdtempSync(join(tmpdir(), "sise-handout-"));
}, 60_000); // the whole demo city: thousands of writes, each a round trip on PostgreSQL
afterAll(async () => {
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What the document should say "none" for: sections whose table has no rows. */
function expectedEmptyLines(d: AnalysisDocument): string[] {
  return d.sections.filter((s) => !s.table?.rows.length && s.empty).map((s) => s.empty!);
}
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe("the weekly analysis handout", () => {
  it("has a title block naming the city, the week, who prepared it and when", () => {
    expect(doc.titleBlock.map((r) => r.label)).toEqual(["编制单位", "周次", "数据", "编制人", "生成时间"]);
    expect(doc.titleBlock[0].value).toBe("榆林市");
    expect(doc.titleBlock[1].value).toBe(`2026 年第 47 周 · ${LAST_MONDAY} 至 ${addDays(LAST_MONDAY, 6)}`);
    expect(doc.titleBlock[3].value).toBe("李娜");
    // The seeded week has escalations and de-escalations: the test would prove nothing on an empty week.
    expect(doc.sections.find((s) => s.id === "escalations")!.table!.rows.length).toBeGreaterThan(3);
    expect(doc.sections.find((s) => s.id === "deescalations")!.table!.rows.length).toBeGreaterThan(3);
  });

  it.runIf(findPdfFont())(
    "PDF: every page has body text and its true number, no 'none' under a table, codes whole",
    async () => {
      const file = join(dir, "week.pdf");
      writeFileSync(file, await analysisPdf(doc, findPdfFont()!));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
      expect(pages).toBeGreaterThan(1);
      const texts: string[] = [];
      for (let p = 1; p <= pages; p++) {
        const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), "-layout", file, "-"], {
          encoding: "utf8",
        });
        texts.push(text);
        // pdftotext drops the spaces between Chinese and digits, so lines are compared without spaces.
        const lines = text
          .split("\n")
          .map((l) => l.replace(/\s+/g, ""))
          .filter(Boolean);
        const footer = lines.filter((l) => l.includes(`第${p}页/共${pages}页`));
        expect(footer, `page ${p} footer`).toHaveLength(1);
        expect(footer[0]).toContain("风险周分析(2026年第47周)");
        expect(lines.length - footer.length, `page ${p} has body text`).toBeGreaterThan(0);
      }
      const all = texts.join("\n");
      expect(all).toContain("编制单位");
      expect(all).toContain("榆林市");
      for (const none of EMPTY_LINES)
        expect(count(all, none), none).toBe(expectedEmptyLines(doc).filter((e) => e === none).length);
      // Every code in the tables comes back whole on one line, never "YL-2026-0017" + "2".
      const codes = doc.sections.flatMap((s) =>
        s.table && s.table.codeColumn !== undefined ? s.table.rows.map((r) => r[s.table!.codeColumn!]) : [],
      );
      expect(codes.length).toBeGreaterThan(10);
      for (const code of codes) expect(all, code).toContain(code);
      for (const fragment of all.match(/YL-[0-9-]*/g) ?? []) expect(fragment).toMatch(/^YL-\d{4}-\d{5}$/);
    },
  );

  it.runIf(findPdfFont())("PDF: a table running onto the next page repeats its header row there", async () => {
    const escalations = doc.sections.find((s) => s.id === "escalations")!;
    const long = {
      ...doc,
      sections: [
        {
          ...escalations,
          table: { ...escalations.table!, rows: Array.from({ length: 8 }, () => escalations.table!.rows).flat() },
        },
      ],
    };
    const file = join(dir, "long.pdf");
    writeFileSync(file, await analysisPdf(long, findPdfFont()!));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
    expect(pages).toBeGreaterThan(2);
    for (let p = 2; p <= pages; p++) {
      const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), "-layout", file, "-"], {
        encoding: "utf8",
      });
      const first = text.split("\n").find((l) => l.trim())!;
      expect(first.trim().split(/\s+/), `page ${p}`).toEqual(["时间", "编号", "风险", "等级变化", "理由", "操作人"]);
    }
  });

  it("DOCX: the same title block, page numbers as fields, header rows repeated, no 'none' under a table", async () => {
    const files = unzipSync(new Uint8Array(await analysisDocx(doc)));
    const xml = strFromU8(files["word/document.xml"]);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
    for (const r of doc.titleBlock) expect(text).toContain(r.label);
    expect(text).toContain("榆林市");
    for (const none of EMPTY_LINES)
      expect(count(text, none), none).toBe(expectedEmptyLines(doc).filter((e) => e === none).length);
    expect(count(xml, "<w:tblHeader/>")).toBeGreaterThanOrEqual(
      doc.sections.filter((s) => s.table?.rows.length).length,
    );
    const footerName = Object.keys(files).find((f) => /^word\/footer\d*\.xml$/.test(f))!;
    const footer = strFromU8(files[footerName]);
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(footer).toContain("第 ");
    expect(footer).toContain(" 页 / 共 ");
  });
});
