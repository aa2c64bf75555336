import { Workbook } from "@cj-tech-master/excelts";
import { parse } from "csv-parse/sync";
import { uncell } from "../../lib/domain/csv";
import type { ImportRow } from "../../lib/domain/import-plan";

export const IMPORT_MAX_ROWS = 20_000;
export type ReadResult = { ok: true; columns: string[]; rows: ImportRow[] } | { ok: false; error: "unreadable" | "noHeader" | "tooManyRows" | "empty" };

/**
 * Reads an uploaded register — CSV (as Sise exports it, or as Excel saves it) or XLSX (the sheet
 * whose first row starts with "code") — into rows of named cells with their line (CSV) or row
 * (XLSX) number, so every error can point at the place in the user's own file. Lines before the
 * header (an export's "#" lines) are skipped; blank rows are dropped.
 */
export async function readImportFile(name: string, bytes: Buffer): Promise<ReadResult> {
  try {
    return /\.xlsx$/i.test(name) ? await readXlsx(bytes) : readCsv(bytes);
  } catch {
    return { ok: false, error: "unreadable" };
  }
}

function fromTable(table: Array<{ line: number; values: string[] }>): ReadResult {
  const headerAt = table.findIndex((r) => r.values[0]?.trim().toLowerCase() === "code");
  if (headerAt < 0) return { ok: false, error: "noHeader" };
  const columns = table[headerAt].values.map((c) => c.trim().toLowerCase());
  const rows = table
    .slice(headerAt + 1)
    .filter((r) => r.values.some((v) => v.trim() !== ""))
    .map((r) => ({ line: r.line, cells: Object.fromEntries(columns.map((c, i) => [c, r.values[i] ?? ""])) }));
  if (rows.length === 0) return { ok: false, error: "empty" };
  if (rows.length > IMPORT_MAX_ROWS) return { ok: false, error: "tooManyRows" };
  return { ok: true, columns, rows };
}

function readCsv(bytes: Buffer): ReadResult {
  const records = parse(bytes, {
    bom: true, relax_column_count: true, info: true, skip_empty_lines: true,
    cast: (value, context) => uncell(value, context.quoting) ?? "",
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  return fromTable(records.map((r) => ({ line: r.info.lines, values: r.record })));
}

async function readXlsx(bytes: Buffer): Promise<ReadResult> {
  const book = new Workbook();
  await book.xlsx.load(bytes);
  for (const sheet of book.worksheets) {
    if (String(sheet.getCell("A1").value ?? "").trim().toLowerCase() !== "code") continue;
    const table: Array<{ line: number; values: string[] }> = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const v = cell.value;
        values[col - 1] = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "object" && "text" in v ? String(v.text) : String(v);
      });
      table.push({ line: n, values: Array.from(values, (v) => v ?? "") });
    });
    return fromTable(table);
  }
  return { ok: false, error: "noHeader" };
}
