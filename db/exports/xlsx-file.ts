import { WorkbookWriter } from "@cj-tech-master/excelts";
import { COLOUR_SWATCH, type Colour } from "../../lib/domain/colours";
import { markLine, type ExportMeta, type ExportSource } from "./source";

/** Excel's own limit: 1,048,576 rows per sheet, one of them the header. */
export const XLSX_MAX_ROWS = 1_048_575;

export type XlsxWords = {
  dataSheet: string; infoSheet: string; legendTitle: string; methodsTitle: string;
  /** The colour words as written in the data (红 …) with their level and definition. */
  colours: Array<{ colour: Colour; word: string; level: string; definition: string }>;
  methods: string[];
};

/**
 * An export as an XLSX workbook written as it streams (the writer from @cj-tech-master/excelts keeps
 * memory flat — exceljs 4.4's streaming writer grew with the rows, see decision 012): a data sheet
 * with a frozen header row and colour cells filled with their colour, and an information sheet with
 * what the file is, who made it when, the filter, the count, the four colours and the grading methods.
 * Text is written as text (a cell starting with "=" stays text, never a formula).
 */
export function xlsxFile(source: ExportSource, meta: ExportMeta, words: XlsxWords): ReadableStream<Uint8Array> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const workbook = new WorkbookWriter({ stream: writable, useStyles: true, useSharedStrings: false });
  const fills = new Map(words.colours.map((c) => [c.word, COLOUR_SWATCH[c.colour]]));
  void (async () => {
    const info = workbook.addWorksheet(words.infoSheet);
    for (const line of [markLine(source, meta.query), meta.title, meta.scopeLine, meta.exporterLine, meta.countLine(source.total)]) info.addRow([line]).commit();
    info.addRow([]).commit();
    info.addRow([words.legendTitle]).commit();
    for (const c of words.colours) {
      const row = info.addRow([c.word, c.level, c.definition]);
      const swatch = COLOUR_SWATCH[c.colour];
      row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${swatch.background.slice(1)}` } };
      row.getCell(1).font = { bold: true, color: { argb: `FF${swatch.text.slice(1)}` } };
      row.commit();
    }
    info.addRow([]).commit();
    info.addRow([words.methodsTitle]).commit();
    for (const m of words.methods) info.addRow([m]).commit();
    info.getColumn(1).width = 60;
    info.commit();

    const sheet = workbook.addWorksheet(words.dataSheet, { views: [{ state: "frozen", ySplit: 1 }] });
    const header = sheet.addRow([...source.columns]);
    header.font = { bold: true };
    header.commit();
    for await (const rows of source.chunks) {
      for (const values of rows) {
        const row = sheet.addRow(values.map((v) => (v === null ? undefined : v)));
        const swatch = source.colourColumn >= 0 ? fills.get(String(values[source.colourColumn])) : undefined;
        if (swatch) {
          const cell = row.getCell(source.colourColumn + 1);
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${swatch.background.slice(1)}` } };
          cell.font = { bold: true, color: { argb: `FF${swatch.text.slice(1)}` } };
        }
        row.commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch((e) => writable.abort(e).catch(() => undefined));
  return readable;
}
