import "server-only";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { COLOURS } from "@/lib/domain/colours";
import type { AnalysisDocument, DocTable } from "./document";

/**
 * The weekly analysis as a Word document the office can edit before handing it out: the same
 * headings and tables as the page and the PDF; the trend as a table of weekly counts. Chinese
 * text uses the reader's SimSun / Microsoft YaHei, so nothing needs embedding.
 */
export function analysisDocx(doc: AnalysisDocument): Promise<Buffer> {
  const trendTable: DocTable = {
    columns: ["", ...COLOURS.map((c) => doc.colourNames[c])], numeric: [1, 2, 3, 4], total: doc.trend.length,
    rows: doc.trend.map((p) => [p.label, ...COLOURS.map((c) => String(p.counts[c]))]),
  };
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: doc.title, bold: true })] }),
    new Paragraph({ children: [new TextRun(doc.subtitle)] }),
    new Paragraph({ children: [new TextRun({ text: doc.stamp, color: "404040", size: 18 })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: doc.trendHeading }),
    table(trendTable),
  ];
  for (const s of doc.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: s.heading }));
    if (s.intro) children.push(new Paragraph({ children: [new TextRun({ text: s.intro, size: 18 })] }));
    if (s.table && s.table.rows.length) children.push(table(s.table));
    if (s.note) children.push(new Paragraph({ children: [new TextRun({ text: s.note, color: "404040", size: 18 })] }));
    else if (s.empty) children.push(new Paragraph(s.empty));
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: doc.conclusionsHeading }));
  for (const line of (doc.conclusions || doc.noConclusions).split(/\r?\n/)) children.push(new Paragraph(line));
  if (doc.conclusionsMeta) children.push(new Paragraph({ children: [new TextRun({ text: doc.conclusionsMeta, color: "404040", size: 18 })] }));
  const document = new Document({
    creator: "Sise 四色", title: doc.title,
    styles: { default: { document: { run: { font: { ascii: "Arial", hAnsi: "Arial", eastAsia: "Microsoft YaHei" }, size: 21 } } } },
    sections: [{ properties: { page: { margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } }, children }],
  });
  return Packer.toBuffer(document);
}

function table(t: DocTable): Table {
  const cell = (text: string, i: number, header: boolean) => new TableCell({
    shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: "E5E5E5" } : undefined,
    children: [new Paragraph({ alignment: t.numeric?.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: header, size: 18 })] })],
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c, i, true)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}
