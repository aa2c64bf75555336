import { strToU8, zipSync } from "fflate";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { readRegisterFile } from "@/lib/files/register-file";

/**
 * The register import's reader against files built to hurt: each is refused by the limit it
 * passes, while it is read — quickly, and without holding what it would inflate to.
 */
const HEADINGS = new Map([
  ["编号", "code"],
  ["风险名称", "title"],
  ["code", "code"],
  ["title", "title"],
]);

function xlsx(sheetXml: string): Buffer {
  const part = (s: string) => strToU8(s);
  return Buffer.from(
    zipSync(
      {
        "[Content_Types].xml": part(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        ),
        "_rels/.rels": part(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        ),
        "xl/workbook.xml": part(
          '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        "xl/_rels/workbook.xml.rels": part(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        "xl/worksheets/sheet1.xml": part(
          `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml}</sheetData></worksheet>`,
        ),
      },
      { level: 6 },
    ),
  );
}
const cell = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
const header = `<row r="1">${cell("编号")}${cell("风险名称")}</row>`;
const row = `<row>${cell("")}${cell("榆林市风险")}</row>`;

/** Reads, timing it, the longest it held the event loop, and the heap's growth at its highest (sampled while it runs). */
async function measured(name: string, bytes: Buffer) {
  global.gc?.();
  const base = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  let peak = base;
  const sampler = setInterval(
    () => (peak = Math.max(peak, process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers)),
    5,
  );
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const t0 = performance.now();
  const result = await readRegisterFile(name, bytes, HEADINGS);
  const ms = performance.now() - t0;
  delay.disable();
  clearInterval(sampler);
  return { result, ms, heldMs: delay.max / 1e6, grewMb: (peak - base) / 1024 / 1024 };
}

describe("the register import's reader under hostile files", () => {
  it("refuses a zip bomb (98 MB of sheet in a few hundred KB) by its inflated size", async () => {
    const bomb = xlsx(header + row.repeat(1_300_000));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { result, ms, grewMb } = await measured("bomb.xlsx", bomb);
    expect(result).toEqual({ ok: false, error: "tooLarge" });
    expect(ms).toBeLessThan(3_000);
    expect(grewMb).toBeLessThan(150);
  }, 30_000);

  it("refuses one enormous cell at the cell, naming its row", async () => {
    const { result, ms, grewMb } = await measured(
      "cell.xlsx",
      xlsx(`${header}<row>${cell("险".repeat(13_000_000))}</row>`),
    );
    expect(result).toMatchObject({ ok: false, error: "cellTooLong", line: 2 });
    // Refused at the run of text, not after the XML parser gathered 13 million characters of it.
    expect(ms).toBeLessThan(500);
    expect(grewMb).toBeLessThan(30);
  }, 30_000);

  it("stops 200,000 XLSX rows at the 20,001st", async () => {
    const { result, ms, heldMs } = await measured("rows.xlsx", xlsx(header + row.repeat(200_000)));
    expect(heldMs, "the longest the event loop was held").toBeLessThan(60);
    // The sheet's reader runs a little ahead of the rows taken, so it may be the one to stop first.
    expect(result).toMatchObject({ ok: false, error: "tooManyRows" });
    expect((result as { line: number }).line).toBeGreaterThan(20_001);
    expect((result as { line: number }).line).toBeLessThanOrEqual(20_021);
    expect(ms).toBeLessThan(3_000);
  }, 30_000);

  it("stops 200,000 CSV rows at the 20,001st and returns (it used to wait forever for the parser)", async () => {
    const csv = Buffer.from("编号,风险名称\r\n" + ",榆林市风险\r\n".repeat(200_000));
    const { result, ms, heldMs } = await measured("rows.csv", csv);
    // Another user's request needs several turns of the loop: each slice of parsing must be short.
    expect(heldMs, "the longest the event loop was held").toBeLessThan(60);
    expect(result).toMatchObject({ ok: false, error: "tooManyRows", line: 20_002 });
    expect(ms).toBeLessThan(3_000);
  }, 10_000);

  it("refuses a huge attribute the same way, and still reads a cell of exactly the limit", async () => {
    const attribute = await measured(
      "attr.xlsx",
      xlsx(`${header}<row><c r="${"A".repeat(2_000_000)}" t="inlineStr"><is><t>x</t></is></c></row>`),
    );
    expect(attribute.result).toMatchObject({ ok: false, error: "cellTooLong", line: 2 });
    const atLimit = await measured("limit.xlsx", xlsx(`${header}<row>${cell("")}${cell("险".repeat(10_000))}</row>`));
    expect(atLimit.result).toMatchObject({
      ok: true,
      rows: [{ line: 2, cells: { code: "", title: "险".repeat(10_000) } }],
    });
    const entities = await measured(
      "entities.xlsx",
      xlsx(`${header}<row>${cell("")}${cell("&#x9669;".repeat(10_000))}</row>`),
    );
    expect(entities.result).toMatchObject({ ok: true, rows: [{ cells: { title: "险".repeat(10_000) } }] });
  }, 30_000);

  it("refuses a CSV record longer than any register's", async () => {
    const { result } = await measured("cell.csv", Buffer.from(`编号,风险名称\r\n,"${"险".repeat(50_000)}"\r\n`));
    expect(result).toMatchObject({ ok: false, error: "cellTooLong" });
  });

  it("reads 20,000 rows, exactly the limit, with their lines", async () => {
    const { result } = await measured("ok.csv", Buffer.from("编号,风险名称\r\n" + ",榆林市风险\r\n".repeat(20_000)));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.rows).toHaveLength(20_000);
      expect(result.rows.at(-1)).toEqual({ line: 20_001, cells: { code: "", title: "榆林市风险" } });
    }
  });
});
