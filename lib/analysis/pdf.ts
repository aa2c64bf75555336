import "server-only";
import PDFDocument from "pdfkit";
import { COLOUR_SWATCH, COLOURS } from "@/lib/domain/colours";
import type { AnalysisDocument, DocTable } from "./document";
import type { PdfFont } from "./pdf-font";

const MARGIN = 42;
/** Room kept under the body for the page footer ("第 n 页 / 共 N 页"). */
const FOOTER = 22;
const DASH: Record<string, [number, number] | null> = { red: null, orange: [8, 4], yellow: [2, 3], blue: [12, 3] };
const GREY = "#404040";

/**
 * The weekly analysis as an A4 handout with real (searchable, selectable) text: a title block
 * (organisation, week, who prepared it, when), the trend drawn as vector lines (each colour with its
 * own dash, as on screen), the tables with their header row repeated on every page they run onto,
 * the conclusions, and "第 n 页 / 共 N 页" on every page.
 *
 * pdfkit starts a new page whenever text would pass the bottom margin, so the footer is written
 * with the bottom margin lifted — otherwise each footer would open a blank page of its own.
 */
export function analysisPdf(doc: AnalysisDocument, font: PdfFont, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
    compress: opts.compress ?? true,
    info: {
      Title: doc.title,
      Creator: "Sise 四色",
      ...(doc.titleBlock[0]?.value ? { Author: doc.titleBlock[0].value } : {}),
    },
    bufferPages: true,
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
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const ensure = (h: number) => {
    if (pdf.y + h > bottom()) pdf.addPage();
  };

  titleBlock(pdf, doc, width);
  // A document without a trend (the hazard statistics) goes straight to its tables.
  if (doc.trend.length) {
    heading(pdf, doc.trendHeading);
    drawTrend(pdf, doc, width);
  }

  for (const s of doc.sections) {
    // A heading is never left alone at the foot of a page: keep room for it and two table rows.
    ensure(70);
    heading(pdf, s.heading);
    if (s.intro) pdf.font("body").fontSize(9).text(s.intro, { width }).moveDown(0.3);
    const rows = s.table?.rows.length ?? 0;
    if (s.table && rows) drawTable(pdf, s.table, width, bottom);
    if (s.note) pdf.font("body").fontSize(9).fillColor(GREY).text(s.note, { width }).fillColor("#000000");
    // "本周无。" only where there is no table: never under one that has rows.
    if (!rows && s.empty) pdf.font("body").fontSize(10).text(s.empty, { width });
    pdf.moveDown(0.6);
  }
  ensure(60);
  heading(pdf, doc.conclusionsHeading);
  pdf
    .font("body")
    .fontSize(10.5)
    .text(doc.conclusions || doc.noConclusions, { width, lineGap: 2 });
  if (doc.conclusionsMeta) pdf.fontSize(9).fillColor(GREY).text(doc.conclusionsMeta).fillColor("#000000");

  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const keep = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - MARGIN - 6;
    const label = doc.pageLabel.replace("{page}", String(i + 1)).replace("{pages}", String(range.count));
    pdf
      .lineWidth(0.5)
      .strokeColor("#a3a3a3")
      .moveTo(MARGIN, y - 5)
      .lineTo(MARGIN + width, y - 5)
      .stroke();
    pdf.font("body").fontSize(8).fillColor(GREY);
    pdf.text(doc.title, MARGIN, y, { width: width / 2, lineBreak: false });
    pdf.text(label, MARGIN + width / 2, y, { width: width / 2, align: "right", lineBreak: false });
    pdf.page.margins.bottom = keep;
  }
  pdf.end();
  return done;
}

function titleBlock(pdf: PDFKit.PDFDocument, doc: AnalysisDocument, width: number) {
  pdf.font("bold").fontSize(18).fillColor("#000000").text(doc.title, { width, align: "center" }).moveDown(0.5);
  const labelWidth = Math.max(...doc.titleBlock.map((r) => pdf.font("bold").fontSize(9.5).widthOfString(r.label))) + 12;
  const top = pdf.y;
  for (const r of doc.titleBlock) {
    const y = pdf.y;
    pdf
      .font("bold")
      .fontSize(9.5)
      .text(r.label, MARGIN + 6, y + 3, { width: labelWidth, lineBreak: false });
    pdf
      .font("body")
      .fontSize(9.5)
      .text(r.value || "—", MARGIN + 6 + labelWidth, y + 3, { width: width - labelWidth - 12 });
    pdf.y += 3;
  }
  pdf
    .lineWidth(0.8)
    .strokeColor("#737373")
    .rect(MARGIN, top, width, pdf.y - top)
    .stroke();
  pdf.x = MARGIN;
  pdf.moveDown(1);
}

function heading(pdf: PDFKit.PDFDocument, text: string) {
  pdf.font("bold").fontSize(13).fillColor("#000000").text(text, MARGIN).moveDown(0.25);
}

/**
 * Column widths: a no-wrap column (codes, times, counts) is as wide as its longest cell, always; the
 * other columns share what is left in proportion to their text, so a risk code is never broken.
 */
export function columnWidths(natural: number[], fixed: boolean[], width: number, min: number[] = []): number[] {
  const fixedTotal = natural.reduce((s, w, i) => s + (fixed[i] ? w : 0), 0);
  const flexTotal = natural.reduce((s, w, i) => s + (fixed[i] ? 0 : w), 0);
  const room = width - fixedTotal;
  if (flexTotal === 0 || room <= 0) {
    const scale = width / (fixedTotal + flexTotal);
    return natural.map((w) => w * scale);
  }
  // Flexible columns fill the room in proportion to their text, each at least its minimum (its
  // header), taken from the widest; fixed ones never shrink.
  const widths = natural.map((w, i) => (fixed[i] ? w : (w / flexTotal) * room));
  for (let i = 0; i < widths.length; i++) {
    const short = (min[i] ?? 0) - widths[i];
    if (fixed[i] || short <= 0) continue;
    const donor = widths.reduce(
      (best, w, j) => (!fixed[j] && j !== i && w - (min[j] ?? 0) > widths[best] - (min[best] ?? 0) ? j : best),
      i,
    );
    if (donor === i) continue;
    const give = Math.min(short, widths[donor] - (min[donor] ?? 0));
    widths[donor] -= give;
    widths[i] += give;
  }
  return widths;
}

function drawTable(pdf: PDFKit.PDFDocument, table: DocTable, width: number, bottom: () => number) {
  const size = 8.5;
  const pad = 3;
  const nowrap = new Set([...(table.nowrap ?? []), ...(table.codeColumn === undefined ? [] : [table.codeColumn])]);
  const measure = (text: string, font: string) => pdf.font(font).fontSize(size).widthOfString(text);
  const natural = table.columns.map((c, i) => {
    const longest = Math.max(measure(c, "bold"), ...table.rows.map((r) => measure(r[i] ?? "", "body")));
    return (nowrap.has(i) ? longest : Math.min(220, longest)) + 2 * pad + 1;
  });
  const widths = columnWidths(
    natural,
    table.columns.map((_, i) => nowrap.has(i)),
    width,
    // At least the header, and short texts (a name, a colour change) kept on one line.
    table.columns.map((c, i) => Math.max(measure(c, "bold"), Math.min(60, natural[i] - 2 * pad - 1)) + 2 * pad + 1),
  );
  const rowHeight = (cells: string[], font: string) => {
    pdf.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => pdf.heightOfString(c || " ", { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: string, fill?: string) => {
    const h = rowHeight(cells, font);
    if (pdf.y + h > bottom()) {
      pdf.addPage();
      // The header row again at the top of every page the table runs onto.
      if (cells !== table.columns) drawRow(table.columns, "bold", "#e5e5e5");
    }
    const y = pdf.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      if (fill) pdf.rect(x, y, widths[i], h).fill(fill);
      pdf.rect(x, y, widths[i], h).lineWidth(0.5).stroke("#a3a3a3");
      pdf
        .fillColor("#000000")
        .font(font)
        .fontSize(size)
        .text(c, x + pad, y + pad, {
          width: widths[i] - 2 * pad,
          align: table.numeric?.includes(i) ? "right" : "left",
          lineBreak: !nowrap.has(i),
        });
      x += widths[i];
    });
    pdf.x = MARGIN;
    pdf.y = y + h;
  };
  drawRow(table.columns, "bold", "#e5e5e5");
  for (const r of table.rows) drawRow(r, "body");
  pdf.moveDown(0.4);
}

function drawTrend(pdf: PDFKit.PDFDocument, doc: AnalysisDocument, width: number) {
  const points = doc.trend;
  const h = 150;
  const [x0, y0] = [MARGIN + 28, pdf.y + 6];
  const [w, plotH] = [width - 40, h - 30];
  const max = Math.max(1, ...points.flatMap((p) => COLOURS.map((c) => p.counts[c])));
  const step = points.length > 1 ? w / (points.length - 1) : 0;
  const yOf = (v: number) => y0 + plotH - (v / max) * plotH;
  pdf.lineWidth(0.5).strokeColor("#a3a3a3");
  for (const f of [0, 0.5, 1]) {
    pdf
      .moveTo(x0, yOf(max * f))
      .lineTo(x0 + w, yOf(max * f))
      .stroke();
    pdf
      .font("body")
      .fontSize(7)
      .fillColor(GREY)
      .text(String(Math.round(max * f)), MARGIN, yOf(max * f) - 4, { width: 24, align: "right", lineBreak: false });
  }
  points.forEach((p, i) => {
    if (i % 2 === 0 || i === points.length - 1) {
      pdf
        .fontSize(7)
        .text(p.label, x0 + i * step - 14, y0 + plotH + 4, { width: 28, align: "center", lineBreak: false });
    }
  });
  for (const c of COLOURS) {
    pdf.lineWidth(1.8).strokeColor(COLOUR_SWATCH[c].background);
    const dash = DASH[c];
    if (dash) pdf.dash(dash[0], { space: dash[1] });
    else pdf.undash();
    points.forEach((p, i) =>
      i === 0 ? pdf.moveTo(x0, yOf(p.counts[c])) : pdf.lineTo(x0 + i * step, yOf(p.counts[c])),
    );
    pdf.stroke();
  }
  pdf.undash();
  // Legend: the colour's word beside its line style, so it reads in greyscale too.
  let lx = x0;
  const ly = y0 + plotH + 18;
  for (const c of COLOURS) {
    pdf.lineWidth(1.8).strokeColor(COLOUR_SWATCH[c].background);
    const dash = DASH[c];
    if (dash) pdf.dash(dash[0], { space: dash[1] });
    pdf
      .moveTo(lx, ly + 4)
      .lineTo(lx + 22, ly + 4)
      .stroke();
    pdf.undash();
    pdf
      .font("body")
      .fontSize(8)
      .fillColor("#000000")
      .text(doc.colourNames[c], lx + 26, ly, { lineBreak: false });
    lx += 70;
  }
  pdf.x = MARGIN;
  pdf.y = y0 + h + 4;
  pdf.fillColor("#000000").strokeColor("#000000");
}
