import "server-only";
import PDFDocument from "pdfkit";
import type { PdfFont } from "@/lib/analysis/pdf-font";
import { cellKey, topColour, type Board, type CellChange } from "@/lib/domain/board";
import { COLOUR_SWATCH, COLOURS, type Colour } from "@/lib/domain/colours";
import { colourForMatrix, MATRIX_LEVELS, type Thresholds } from "@/lib/domain/grading";

type Labelled = { id: number; label: string };
type Mark = Exclude<CellChange, "same">;
const MARK: Record<Mark, string> = { up: "↑", down: "↓", new: "＋", cleared: "×" };
const MARGIN = 24;
const GREY = "#404040";
const EMPTY = "#F0F0F0";

/** What the board PDF says, in the reader's language. */
export type BoardPdfWords = {
  title: string;
  stamp: string;
  totalsLabel: string;
  colours: Record<Colour, string>;
  levels: Record<Colour, string>;
  legend: Record<Colour, string>;
  alerts: Array<{ label: string; n: number }>;
  groups: { categories: string; domains: string; area: string };
  matrix: { caption: string; likelihood: string; severity: string };
  banner?: string;
};

export type BoardPdfInput =
  | {
      view: "grid";
      board: Board;
      regions: Labelled[];
      categories: Labelled[];
      domains: Labelled[];
      marks?: Map<string, Mark>;
    }
  | {
      view: "matrix";
      board: Board;
      counts: Array<{ likelihood: number; severity: number; n: number }>;
      thresholds: Thresholds;
    };

/**
 * The colour board as one A4 landscape page for the minutes, drawn as vectors with real text (so it
 * can be searched, copied and printed sharp): the stamp (title, moment, view, reference, who, when),
 * the totals and alerts, both groups of the grid — every cell with its main count in words and the
 * other colours beside it, and the change mark — or the risk matrix, and the four colour definitions.
 */
export function boardPdf(input: BoardPdfInput, words: BoardPdfWords, font: PdfFont): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: MARGIN,
    info: { Title: words.title, Creator: "Sise 四色" },
  });
  pdf.registerFont("body", font.regular.path, font.regular.family);
  pdf.registerFont("bold", font.bold.path, font.bold.family);
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const width = pdf.page.width - 2 * MARGIN;
  // Nothing may start a second page: the bottom margin is lifted and every height is computed.
  pdf.page.margins.bottom = 0;
  let y = MARGIN;
  pdf.font("bold").fontSize(13).fillColor("#000000").text(words.title, MARGIN, y, { lineBreak: false });
  y += 17;
  // The stamp: what the board shows, as of when, compared with what, made by whom and when.
  pdf.font("body").fontSize(7).fillColor(GREY).text(words.stamp, MARGIN, y, { width, height: 18, ellipsis: true });
  y = pdf.y + 4;
  if (words.banner) {
    pdf.rect(MARGIN, y, width, 12).lineWidth(1).stroke("#262626");
    pdf
      .font("bold")
      .fontSize(7.5)
      .fillColor("#000000")
      .text(words.banner, MARGIN + 4, y + 2.5, { width: width - 8, lineBreak: false });
    y += 15;
  }
  y = summary(pdf, input.board, words, y, width) + 6;
  const legendHeight = 14;
  const bottom = pdf.page.height - MARGIN - legendHeight;
  if (input.view === "grid") grids(pdf, input, words, y, bottom, width);
  else matrix(pdf, input, words, y, bottom);
  legend(pdf, words, bottom + 4, width);
  pdf.end();
  return done;
}

function summary(pdf: PDFKit.PDFDocument, board: Board, words: BoardPdfWords, y: number, width: number): number {
  const h = 24;
  const tile = (width * 0.55) / 4;
  COLOURS.forEach((c, i) => {
    const x = MARGIN + i * tile;
    pdf.roundedRect(x, y, tile - 4, h, 3).fill(COLOUR_SWATCH[c].background);
    pdf
      .fillColor(COLOUR_SWATCH[c].text)
      .font("body")
      .fontSize(8)
      .text(`${words.colours[c]} · ${words.levels[c]}`, x + 5, y + 8, { lineBreak: false });
    pdf
      .font("bold")
      .fontSize(14)
      .text(String(board.totals[c]), x, y + 5, { width: tile - 10, align: "right", lineBreak: false });
  });
  const x0 = MARGIN + width * 0.55 + 4;
  const aw = (width - (x0 - MARGIN)) / Math.max(1, words.alerts.length);
  words.alerts.forEach((a, i) => {
    const x = x0 + i * aw;
    pdf
      .roundedRect(x, y, aw - 4, h, 3)
      .lineWidth(1.2)
      .stroke("#262626");
    pdf
      .fillColor("#000000")
      .font("body")
      .fontSize(7.5)
      .text(a.label, x + 5, y + 4, { width: aw - 40, height: h - 6, ellipsis: true });
    pdf
      .font("bold")
      .fontSize(13)
      .text(String(a.n), x, y + 6, { width: aw - 10, align: "right", lineBreak: false });
  });
  return y + h;
}

function grids(
  pdf: PDFKit.PDFDocument,
  input: Extract<BoardPdfInput, { view: "grid" }>,
  words: BoardPdfWords,
  top: number,
  bottom: number,
  width: number,
) {
  const groups = [
    { caption: words.groups.categories, rows: input.categories },
    { caption: words.groups.domains, rows: input.domains },
  ];
  const captionH = 11;
  const headH = 11;
  const rowsTotal = groups.reduce((n, g) => n + g.rows.length, 0);
  const rowH = Math.min(16, (bottom - top - groups.length * (captionH + headH + 4)) / rowsTotal);
  const labelW = Math.min(
    140,
    Math.max(...groups.flatMap((g) => g.rows.map((r) => pdf.font("body").fontSize(6.5).widthOfString(r.label)))) + 6,
  );
  const colW = (width - labelW) / input.regions.length;
  let y = top;
  for (const g of groups) {
    pdf.font("bold").fontSize(8.5).fillColor("#000000").text(g.caption, MARGIN, y, { lineBreak: false });
    y += captionH;
    pdf
      .font("body")
      .fontSize(6.5)
      .fillColor(GREY)
      .text(words.groups.area, MARGIN, y + 2, { width: labelW, lineBreak: false });
    input.regions.forEach((r, i) => {
      pdf
        .font("bold")
        .fontSize(6.5)
        .fillColor("#000000")
        .text(r.label, MARGIN + labelW + i * colW, y + 2, {
          width: colW,
          align: "center",
          lineBreak: false,
          ellipsis: true,
        });
    });
    y += headH;
    for (const a of g.rows) {
      pdf
        .font("body")
        .fontSize(6.5)
        .fillColor("#000000")
        .text(a.label, MARGIN, y + (rowH - 6.5) / 2, { width: labelW - 3, lineBreak: false, ellipsis: true });
      input.regions.forEach((r, i) => cell(pdf, input, words, a.id, r.id, MARGIN + labelW + i * colW, y, colW, rowH));
      y += rowH;
    }
    y += 4;
  }
}

function cell(
  pdf: PDFKit.PDFDocument,
  input: Extract<BoardPdfInput, { view: "grid" }>,
  words: BoardPdfWords,
  areaId: number,
  regionId: number,
  x: number,
  y: number,
  w: number,
  h: number,
) {
  const counts = input.board.cells.get(cellKey(areaId, regionId))?.counts;
  const top = counts ? topColour(counts) : null;
  const mark = input.marks?.get(cellKey(areaId, regionId));
  pdf.rect(x + 0.6, y + 0.6, w - 1.2, h - 1.2).fill(top ? COLOUR_SWATCH[top].background : EMPTY);
  const size = Math.min(7, h - 3.5);
  // pdfkit places text by the top of its line box, which for the CJK font is about 1.3 em tall.
  const ty = y + (h - size * 1.3) / 2;
  if (!top || !counts) {
    pdf
      .font("body")
      .fontSize(size)
      .fillColor("#8a8a8a")
      .text("—", x, ty, { width: w, align: "center", lineBreak: false });
  } else {
    // The main count in words, the other colours beside it: every count is on the page.
    const main = `${words.colours[top]}${counts[top]}`;
    const others = COLOURS.filter((c) => c !== top && counts[c] > 0)
      .map((c) => `${words.colours[c]}${counts[c]}`)
      .join(" ");
    pdf.font("bold").fontSize(size);
    const mainW = pdf.widthOfString(main);
    pdf.font("body").fontSize(size - 1.5);
    const othersW = others ? pdf.widthOfString(` ${others}`) : 0;
    const start = x + Math.max(2, (w - mainW - othersW) / 2);
    pdf.fillColor(COLOUR_SWATCH[top].text).font("bold").fontSize(size).text(main, start, ty, { lineBreak: false });
    if (others)
      pdf
        .font("body")
        .fontSize(size - 1.5)
        .text(` ${others}`, start + mainW, ty + 1, { lineBreak: false });
  }
  if (mark) {
    const r = Math.min(4.6, h / 2 - 0.8);
    pdf
      .circle(x + r + 1, y + h / 2, r)
      .lineWidth(0.8)
      .fillAndStroke("#FFFFFF", "#171717");
    pdf
      .fillColor("#171717")
      .font("bold")
      .fontSize(r * 1.5)
      .text(MARK[mark], x + 1, y + h / 2 - r * 0.78, { width: 2 * r, align: "center", lineBreak: false });
  }
}

function matrix(
  pdf: PDFKit.PDFDocument,
  input: Extract<BoardPdfInput, { view: "matrix" }>,
  words: BoardPdfWords,
  top: number,
  bottom: number,
) {
  const n = (l: number, s: number) => input.counts.find((c) => c.likelihood === l && c.severity === s)?.n ?? 0;
  pdf.font("bold").fontSize(9).fillColor("#000000").text(words.matrix.caption, MARGIN, top, { lineBreak: false });
  const size = Math.min(70, (bottom - top - 40) / 5);
  const x0 = MARGIN + 60;
  const y0 = top + 42;
  pdf
    .font("body")
    .fontSize(7)
    .fillColor(GREY)
    .text(`${words.matrix.likelihood} ↓ / ${words.matrix.severity} →`, MARGIN, top + 14, { lineBreak: false });
  [...MATRIX_LEVELS].reverse().forEach((s, i) => {
    pdf
      .font("bold")
      .fontSize(9)
      .fillColor("#000000")
      .text(`S ${s}`, x0 + i * size, y0 - 12, { width: size, align: "center", lineBreak: false });
  });
  MATRIX_LEVELS.forEach((l, row) => {
    const y = y0 + row * size;
    pdf
      .font("bold")
      .fontSize(9)
      .fillColor("#000000")
      .text(`L ${l}`, MARGIN, y + size / 2 - 5, { width: 50, lineBreak: false });
    [...MATRIX_LEVELS].reverse().forEach((s, i) => {
      const colour = colourForMatrix(l * s, input.thresholds);
      const x = x0 + i * size;
      pdf.roundedRect(x + 1, y + 1, size - 2, size - 2, 3).fill(COLOUR_SWATCH[colour].background);
      pdf
        .fillColor(COLOUR_SWATCH[colour].text)
        .font("bold")
        .fontSize(16)
        .text(String(n(l, s)), x, y + size / 2 - 14, { width: size, align: "center", lineBreak: false });
      pdf
        .font("body")
        .fontSize(7)
        .text(`${words.colours[colour]} · R ${l * s}`, x, y + size / 2 + 6, {
          width: size,
          align: "center",
          lineBreak: false,
        });
    });
  });
}

function legend(pdf: PDFKit.PDFDocument, words: BoardPdfWords, y: number, width: number) {
  const each = width / 4;
  COLOURS.forEach((c, i) => {
    const x = MARGIN + i * each;
    const label = `${words.colours[c]} · ${words.levels[c]}`;
    pdf.font("bold").fontSize(6.5);
    const w = pdf.widthOfString(label) + 6;
    pdf.roundedRect(x, y - 1, w, 9, 2).fill(COLOUR_SWATCH[c].background);
    pdf.fillColor(COLOUR_SWATCH[c].text).text(label, x + 3, y + 0.5, { lineBreak: false });
    pdf
      .font("body")
      .fontSize(6)
      .fillColor("#000000")
      .text(words.legend[c], x + w + 3, y + 0.8, { width: each - w - 8, lineBreak: false, ellipsis: true });
  });
}
