import "server-only";
import { Workbook } from "@cj-tech-master/excelts";
import type { AnalysisDocument } from "./document";

/** Spreadsheet width units: about one per Latin character, two per Chinese character. */
const widthOf = (s: string) => [...s].reduce((n, ch) => n + (/[\u2E80-\uFFFF]/.test(ch) ? 2 : 1), 0);

/**
 * A document (the hazard statistics) as one worksheet a leader can print and sign: the title, the
 * title block, each section's heading and table (numbers as numbers, so the sheet can sum them),
 * then the signature lines. Set up to print on A4 across the page's width, the header row of each
 * table in bold on grey.
 */
export async function documentXlsx(doc: AnalysisDocument, sheetName: string): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = "Sise 四色";
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const widths: number[] = [];
  const fit = (values: string[]) =>
    values.forEach((v, i) => (widths[i] = Math.min(50, Math.max(widths[i] ?? 8, widthOf(v) + 2))));
  ws.addRow([doc.title]).font = { bold: true, size: 16 };
  for (const r of doc.titleBlock) ws.addRow([r.label, r.value]).getCell(1).font = { bold: true };
  for (const s of doc.sections) {
    ws.addRow([]);
    ws.addRow([s.heading]).font = { bold: true, size: 13 };
    if (s.intro) ws.addRow([s.intro]).font = { italic: true, size: 9 };
    if (!s.table || s.table.rows.length === 0) {
      if (s.empty) ws.addRow([s.empty]);
      continue;
    }
    const numeric = new Set(s.table.numeric ?? []);
    const head = ws.addRow(s.table.columns);
    head.font = { bold: true };
    head.eachCell((c, col) => {
      c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E5E5" } };
      c.border = { bottom: { style: "thin" } };
      // A count's heading stands over its numbers, on the right.
      if (numeric.has(col - 1)) c.alignment = { horizontal: "right" };
    });
    fit(s.table.columns);
    for (const row of s.table.rows) {
      // Counts as numbers (a percentage as its number), everything else as the text it is.
      ws.addRow(
        row.map((v, i) =>
          numeric.has(i) && /^-?\d+(\.\d+)?%?$/.test(v)
            ? v.endsWith("%")
              ? Number(v.slice(0, -1)) / 100
              : Number(v)
            : v,
        ),
      ).eachCell((c, col) => {
        if (numeric.has(col - 1) && row[col - 1]?.endsWith("%")) c.numFmt = "0.0%";
      });
      fit(row);
    }
  }
  ws.addRow([]);
  ws.addRow([doc.conclusionsHeading]).font = { bold: true, size: 13 };
  for (const line of (doc.conclusions || doc.noConclusions).split("\n")) ws.addRow([line]);
  ws.addRow([doc.stamp]).font = { size: 9, color: { argb: "FF404040" } };
  ws.columns = widths.map((width) => ({ width }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
