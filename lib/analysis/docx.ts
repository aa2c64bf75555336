import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { COLOURS } from "@/lib/domain/colours";
import type { AnalysisDocument, DocTable } from "./document";

/** A4 with 1000-twip margins: the text column is 11906 − 2 × 1000 twips wide. */
const TEXT_WIDTH = 9906;

/**
 * The weekly analysis as a Word document the office can edit before handing it out: the same title
 * block, headings and tables as the page and the PDF, header rows repeated on every page, and
 * "第 n 页 / 共 N 页" in the footer (Word's own page fields). The trend is a table of weekly counts.
 * Chinese text uses the reader's SimSun / Microsoft YaHei, so nothing needs embedding.
 */
export function analysisDocx(doc: AnalysisDocument): Promise<Buffer> {
  const trendTable: DocTable = {
    columns: ["", ...COLOURS.map((c) => doc.colourNames[c])],
    numeric: [1, 2, 3, 4],
    nowrap: [1, 2, 3, 4],
    total: doc.trend.length,
    rows: doc.trend.map((p) => [p.label, ...COLOURS.map((c) => String(p.counts[c]))]),
  };
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: doc.title, bold: true })],
    }),
    titleBlock(doc),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: doc.trendHeading }),
    table(trendTable),
  ];
  for (const s of doc.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: s.heading, keepNext: true }));
    if (s.intro) children.push(new Paragraph({ children: [new TextRun({ text: s.intro, size: 18 })] }));
    const rows = s.table?.rows.length ?? 0;
    if (s.table && rows) children.push(table(s.table));
    if (s.note) children.push(new Paragraph({ children: [new TextRun({ text: s.note, color: "404040", size: 18 })] }));
    // "本周无。" only where there is no table: never under one that has rows.
    if (!rows && s.empty) children.push(new Paragraph(s.empty));
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: doc.conclusionsHeading }));
  for (const line of (doc.conclusions || doc.noConclusions).split(/\r?\n/)) children.push(new Paragraph(line));
  if (doc.conclusionsMeta)
    children.push(new Paragraph({ children: [new TextRun({ text: doc.conclusionsMeta, color: "404040", size: 18 })] }));
  const document = new Document({
    creator: "Sise 四色",
    title: doc.title,
    styles: {
      default: {
        document: { run: { font: { ascii: "Arial", hAnsi: "Arial", eastAsia: "Microsoft YaHei" }, size: 21 } },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } },
        footers: { default: footer(doc) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The title on the left, "第 n 页 / 共 N 页" on the right, the numbers as Word fields. */
function footer(doc: AnalysisDocument): Footer {
  const parts = doc.pageLabel.split(/(\{page\}|\{pages\})/).filter(Boolean);
  const runs = parts.map((p) =>
    p === "{page}"
      ? new TextRun({ children: [PageNumber.CURRENT], size: 16, color: "404040" })
      : p === "{pages}"
        ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: "404040" })
        : new TextRun({ text: p, size: 16, color: "404040" }),
  );
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: "right", position: TEXT_WIDTH }],
        children: [
          new TextRun({ text: doc.title, size: 16, color: "404040" }),
          new TextRun({ text: "\t", size: 16 }),
          ...runs,
        ],
      }),
    ],
  });
}

function titleBlock(doc: AnalysisDocument): Table {
  const border = { style: BorderStyle.SINGLE, size: 6, color: "737373" };
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [1800, TEXT_WIDTH - 1800],
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: none, insideVertical: none },
    rows: doc.titleBlock.map(
      (r) =>
        new TableRow({
          children: [
            new TableCell({
              children: [new Paragraph({ children: [new TextRun({ text: r.label, bold: true, size: 19 })] })],
            }),
            new TableCell({
              children: [new Paragraph({ children: [new TextRun({ text: r.value || "—", size: 19 })] })],
            }),
          ],
        }),
    ),
  });
}

/**
 * A table with its header row repeated on each page. No-wrap columns (codes, times, counts) get the
 * width their longest cell needs, so Word does not break "YL-2026-00017" at its hyphens.
 */
function table(t: DocTable): Table {
  const nowrap = new Set([...(t.nowrap ?? []), ...(t.codeColumn === undefined ? [] : [t.codeColumn])]);
  // Twips at 9 pt: a CJK character is 180 wide, Latin letters and digits up to ~120 in the fonts a
  // reader may substitute (DejaVu, Liberation); plus the cell's default margins (2 × 108).
  const twips = (s: string) => [...s].reduce((n, ch) => n + (/[\u2E80-\uFFFF]/.test(ch) ? 190 : 125), 0) + 260;
  const natural = t.columns.map((c, i) => Math.max(twips(c), ...t.rows.map((r) => twips(r[i] ?? ""))));
  // Flexible columns first get a short text's width (a name, a place), then share the rest of
  // the line in proportion to their longer texts.
  const fixed = natural.reduce((sum, w, i) => sum + (nowrap.has(i) ? w : 0), 0);
  const min = natural.map((w, i) => (nowrap.has(i) ? w : Math.min(w, 1300)));
  const extra = natural.map((w, i) => (nowrap.has(i) ? 0 : Math.min(w, 4400) - min[i]));
  const room = TEXT_WIDTH - fixed - min.reduce((sum, w, i) => sum + (nowrap.has(i) ? 0 : w), 0);
  const extraTotal = extra.reduce((a, b) => a + b, 0);
  const widths = natural.map((w, i) =>
    nowrap.has(i) ? w : Math.round(min[i] + (room > 0 && extraTotal > 0 ? (extra[i] / extraTotal) * room : 0)),
  );
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: "E5E5E5" } : undefined,
      children: [
        new Paragraph({
          alignment: t.numeric?.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header, size: 18 })],
        }),
      ],
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}
