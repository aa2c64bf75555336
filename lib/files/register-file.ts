import { parse } from "csv-parse";
import { exportVersion, uncell, unescapeText } from "../domain/csv";
import type { ImportRow } from "../domain/import-plan";
import { xlsxRows, XlsxLimitError, type XlsxValue } from "./xlsx-rows";

export const IMPORT_MAX_ROWS = 20_000;
/** The upload itself, counted as it arrives. */
export const IMPORT_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Upload limits, each checked while the file is read: the register import's, documented with it. */
export const IMPORT_LIMITS = {
  /** Uncompressed XML of an XLSX (sheets and shared strings together). */
  maxInflatedBytes: 48 * 1024 * 1024,
  /** Any one cell: a description is at most 5,000 characters; twice that is clearly not a register. */
  maxCellChars: 10_000,
  maxRows: IMPORT_MAX_ROWS,
} as const;

export type ReadError = "unreadable" | "noHeader" | "tooManyRows" | "empty" | "tooLarge" | "cellTooLong";
export type ReadResult =
  { ok: true; columns: string[]; rows: ImportRow[] } | { ok: false; error: ReadError; line?: number };

/**
 * Reads an uploaded register — CSV (as Sise exports it, or as Excel saves it) or XLSX (the sheet
 * whose first row is the header) — into rows of named cells with their line (CSV) or row (XLSX)
 * number, so every error can point at the place in the user's own file. `headers` maps a heading
 * as written (either language's, or the column's key) to the column's key. Lines before the header
 * (an export's "#" lines) are skipped; blank rows are dropped. Nothing is held beyond the limits:
 * both formats are read as streams that stop at the first limit passed.
 */
/**
 * Bytes of CSV parsed between two turns of the event loop: about 10 ms of work. A request another
 * user is waiting on needs several turns to be answered, so the slices are small (64 KB held the
 * loop ~80 ms at a time and delayed a /ping by 400 ms).
 */
const SLICE = 8 * 1024;

export async function readRegisterFile(
  name: string,
  bytes: Buffer,
  headers: ReadonlyMap<string, string>,
): Promise<ReadResult> {
  const table = createTable(headers);
  try {
    if (/\.xlsx$/i.test(name)) {
      let escaped = false;
      for await (const r of xlsxRows(bytes, { ...IMPORT_LIMITS, maxRows: IMPORT_MAX_ROWS + 20 })) {
        const cells = r.cells.map(cellText);
        if (r.row === 1 && exportVersion(cells[0] ?? "") === 2) escaped = true;
        const stop = table.add(r.row, escaped ? cells.map(unescapeText) : cells, r.sheet);
        if (stop) return stop;
      }
    } else {
      // A Sise export (v2) says so in its first line; its escapes come off with its formula guards.
      let escaped = false;
      const parser = parse({
        bom: true,
        relax_column_count: true,
        info: true,
        skip_empty_lines: true,
        max_record_size: IMPORT_LIMITS.maxCellChars * 4,
        cast: (value, context) => {
          if (context.lines === 1 && context.index === 0) escaped = exportVersion(value) === 2;
          return uncell(value, context.quoting, escaped) ?? "";
        },
      });
      const feed = (async () => {
        // Fed in slices, with a pause between them, so a large file never holds the event loop.
        // A reader that stopped early (a limit passed) destroys the parser: stop feeding then, and
        // never wait for a "drain" that a destroyed parser will not send.
        for (let i = 0; i < bytes.length && !parser.destroyed; i += SLICE) {
          if (!parser.write(bytes.subarray(i, i + SLICE))) {
            await new Promise((r) => {
              parser.once("drain", r);
              parser.once("close", r);
            });
          }
          await new Promise<void>((r) => setImmediate(r));
        }
        if (!parser.destroyed) parser.end();
      })().catch((e) => parser.destroy(e));
      try {
        for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
          const stop = table.add(info.lines, record);
          if (stop) return stop;
        }
      } finally {
        parser.destroy();
        await feed;
      }
    }
  } catch (e) {
    if (e instanceof XlsxLimitError) {
      return {
        ok: false,
        error:
          e.limit === "inflated"
            ? "tooLarge"
            : e.limit === "cell"
              ? "cellTooLong"
              : e.limit === "rows"
                ? "tooManyRows"
                : "unreadable",
        line: e.at?.row,
      };
    }
    if (e instanceof Error && "code" in e && e.code === "CSV_MAX_RECORD_SIZE")
      return { ok: false, error: "cellTooLong" };
    return { ok: false, error: "unreadable" };
  }
  return table.finish();
}

/** A cell as the import reads it: text as written, numbers as digits, a day (an Excel date serial) kept for the date columns. */
function cellText(v: XlsxValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** An Excel date serial (days since 1899-12-30) as "2026-11-25", for a date column a spreadsheet turned into a date. */
export function serialDay(value: string): string {
  if (!/^\d+(\.\d+)?$/.test(value)) return value;
  const n = Number(value);
  if (n < 1 || n > 2958465) return value;
  return new Date(Math.round((Math.floor(n) - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

function createTable(headers: ReadonlyMap<string, string>) {
  let columns: string[] | null = null;
  let headerSheet: string | undefined;
  const rows: ImportRow[] = [];
  const key = (heading: string) => headers.get(heading.trim().toLowerCase()) ?? heading.trim().toLowerCase();
  return {
    /** Takes one row of the file; returns a refusal to stop reading at. */
    add(line: number, values: string[], sheet?: string): ReadResult | null {
      if (!columns) {
        if (key(values[0] ?? "") !== "code") return null;
        columns = values.map((v) => key(v));
        headerSheet = sheet;
        return null;
      }
      // Only the sheet the header was found on holds the register.
      if (sheet !== headerSheet) return null;
      if (!values.some((v) => v.trim() !== "")) return null;
      const cells = Object.fromEntries(columns.map((c, i) => [c, values[i] ?? ""]));
      // Day columns (the register's next review, a hazard list's day found) may be Excel date serials.
      for (const day of ["next_review_date", "found_on"]) if (cells[day]) cells[day] = serialDay(cells[day].trim());
      rows.push({ line, cells });
      return rows.length > IMPORT_MAX_ROWS ? { ok: false, error: "tooManyRows", line } : null;
    },
    finish(): ReadResult {
      if (!columns) return { ok: false, error: "noHeader" };
      if (rows.length === 0) return { ok: false, error: "empty" };
      return { ok: true, columns, rows };
    },
  };
}
