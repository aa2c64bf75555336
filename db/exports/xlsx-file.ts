import { WorkbookWriter } from "@cj-tech-master/excelts";
import { COLOUR_SWATCH, type Colour } from "../../lib/domain/colours";
import { escapeText } from "../../lib/domain/csv";
import {
  localTimeFormatter,
  markLine,
  type Cell,
  type ExportColumn,
  type ExportMeta,
  type ExportSource,
} from "./source";

/** Excel's own limit: 1,048,576 rows per sheet, one of them the header. */
export const XLSX_MAX_ROWS = 1_048_575;

export type XlsxWords = {
  dataSheet: string;
  infoSheet: string;
  legendTitle: string;
  methodsTitle: string;
  /** The colour words as written in the data (红 …) with their level and definition. */
  colours: Array<{ colour: Colour; word: string; level: string; definition: string }>;
  methods: string[];
  /** What the grey columns are (history: the stored values the hash chain is computed from). */
  rawNote?: string;
};

const A4 = 9;
const argb = (hex: string) => `FF${hex.slice(1)}`;
/** Spreadsheet width units: about one per Latin character, two per Chinese character. */
const displayWidth = (s: string) => {
  let n = 0;
  for (const ch of s) n += /[\u2E80-\uFFFF]/.test(ch) ? 2 : 1;
  return n;
};

/** Column widths that fit their heading and most of their values (from the first rows), capped. */
export function columnWidths(columns: ExportColumn[], sample: Cell[][]): number[] {
  return columns.map((c, i) => {
    if (c.kind === "datetime") return 20;
    if (c.kind === "date") return 12;
    const values = sample.map((r) => displayWidth(String(r[i] ?? ""))).sort((a, b) => a - b);
    // Long text wraps at the 90th percentile, so one long value does not make the whole column
    // wide; short values (codes, names, words) are never cut: the longest decides.
    const at = c.wrap ? Math.min(values.length - 1, Math.floor(values.length * 0.9)) : values.length - 1;
    const typical = values.length ? values[at] : 0;
    const cap = c.wrap ? 48 : c.raw ? 30 : 40;
    return Math.min(cap, Math.max(displayWidth(c.header) + 2, typical + 2, 6));
  });
}

/** A UTC instant as the wall time of the zone, as Excel keeps times (it has no time zones). */
function wallTime(local: (ms: number) => string): (ms: number) => Date {
  return (ms) => {
    const [d, t] = local(ms).split(" ");
    const [y, m, day] = d.split("-").map(Number);
    const [h, mi, s] = t.split(":").map(Number);
    return new Date(Date.UTC(y, m - 1, day, h, mi, s));
  };
}

/**
 * An export as an XLSX workbook written as it streams (the writer from @cj-tech-master/excelts keeps
 * memory flat, see decision 012), made to be read by a person: headings in the export's language in
 * a frozen, filterable first row; widths that fit; times and days as real date cells in the city's
 * zone; long text wrapped; colour cells filled with their colour; printed landscape on A4, one
 * page wide, the heading repeated on every page. Columns kept for verification (`raw`) come last
 * with grey headings, and the information sheet says what they are. Text is written as text (a cell
 * starting with "=" stays text, never a formula).
 */
export function xlsxFile(source: ExportSource, meta: ExportMeta, words: XlsxWords): ReadableStream<Uint8Array> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const workbook = new WorkbookWriter({ stream: writable, useStyles: true, useSharedStrings: false });
  const fills = new Map(words.colours.map((c) => [c.word, COLOUR_SWATCH[c.colour]]));
  const toDate = wallTime(localTimeFormatter(meta.timeZone));
  void (async () => {
    const info = workbook.addWorksheet(words.infoSheet);
    info.getColumn(1).width = 90;
    const lines = [
      markLine(source, meta.query),
      meta.title,
      meta.scopeLine,
      meta.exporterLine,
      meta.countLine(source.total),
      ...(meta.checkpointLine ? [meta.checkpointLine] : []),
      ...(words.rawNote ? [words.rawNote] : []),
    ];
    for (const line of lines) {
      const row = info.addRow([escapeText(line)]);
      row.getCell(1).alignment = { wrapText: true, vertical: "top" };
      row.commit();
    }
    info.addRow([]).commit();
    info.addRow([words.legendTitle]).commit();
    for (const c of words.colours) {
      const row = info.addRow([c.word, c.level, c.definition]);
      const swatch = COLOUR_SWATCH[c.colour];
      row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(swatch.background) } };
      row.getCell(1).font = { bold: true, color: { argb: argb(swatch.text) } };
      row.commit();
    }
    info.addRow([]).commit();
    info.addRow([words.methodsTitle]).commit();
    for (const m of words.methods) info.addRow([m]).commit();
    info.commit();

    // The widths are written before the rows, so they are measured on the first chunk.
    const first = await source.chunks.next();
    const firstRows = first.done ? [] : first.value;
    const widths = columnWidths(source.columns, firstRows);
    const people = source.columns.filter((c) => !c.raw).length;
    const lastColumn = columnLetter(people);
    const sheet = workbook.addWorksheet(words.dataSheet, {
      views: [{ state: "frozen", ySplit: 1 }],
      pageSetup: {
        paperSize: A4,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:1",
        // Printed, a person reads the columns for people; the stored values stay on screen for checking.
        printArea: `A1:${lastColumn}${source.total + 1}`,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      },
      autoFilter: `A1:${columnLetter(source.columns.length)}1`,
    });
    sheet.columns = source.columns.map((c, i) => ({ key: c.key, width: widths[i] }));
    const header = sheet.addRow(source.columns.map((c) => c.header));
    source.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.font = { bold: true, color: c.raw ? { argb: "FF525252" } : undefined };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.raw ? "FFF0F0F0" : "FFE5E5E5" } };
      cell.alignment = { vertical: "middle", wrapText: true };
    });
    header.commit();
    const write = (values: Cell[]) => {
      const row = sheet.addRow(
        values.map((v, i) => {
          if (v === null) return undefined;
          const kind = source.columns[i].kind;
          if (kind === "datetime") return toDate(Number(v));
          if (kind === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))
            return new Date(`${v}T00:00:00Z`);
          // Control characters cannot be in the sheet's XML at all: escaped as in the CSV (format v2).
          return typeof v === "string" ? escapeText(v) : v;
        }),
      );
      source.columns.forEach((c, i) => {
        if (c.kind === "datetime") row.getCell(i + 1).numFmt = "yyyy-mm-dd hh:mm:ss";
        else if (c.kind === "date") row.getCell(i + 1).numFmt = "yyyy-mm-dd";
        else if (c.wrap) row.getCell(i + 1).alignment = { wrapText: true, vertical: "top" };
        if (c.colour) {
          const swatch = fills.get(String(values[i]));
          if (swatch) {
            const cell = row.getCell(i + 1);
            cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(swatch.background) } };
            cell.font = { bold: true, color: { argb: argb(swatch.text) } };
          }
        }
      });
      row.commit();
    };
    for (const values of firstRows) write(values);
    for await (const rows of source.chunks) for (const values of rows) write(values);
    sheet.commit();
    await workbook.commit();
  })().catch((e) => writable.abort(e).catch(() => undefined));
  return readable;
}

/** 1 → "A", 27 → "AA". */
function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
