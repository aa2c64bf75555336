import "server-only";
import PDFDocument from "pdfkit";
import { COLOUR_SWATCH, COLOURS } from "@/lib/domain/colours";
import type { AnalysisDocument, DocTable } from "./document";
import type { PdfFont } from "./pdf-font";

const MARGIN = 42;
const DASH: Record<string, [number, number] | null> = { red: null, orange: [8, 4], yellow: [2, 3], blue: [12, 3] };

/**
 * The weekly analysis as an A4 PDF with real (searchable, selectable) text: title, the trend drawn
 * as vector lines (each colour with its own dash, as on screen), the tables, the conclusions.
 */
export function analysisPdf(doc: AnalysisDocument, font: PdfFont, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const pdf = new PDFDocument({ size: "A4", margin: MARGIN, compress: opts.compress ?? true, info: { Title: doc.title, Creator: "Sise 四色" }, bufferPages: true });
  pdf.registerFont("body", font.regular.path, font.regular.family);
  pdf.registerFont("bold", font.bold.path, font.bold.family);
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const width = pdf.page.width - 2 * MARGIN;
  const bottom = () => pdf.page.height - MARGIN;
  const ensure = (h: number) => { if (pdf.y + h > bottom()) pdf.addPage(); };

  pdf.font("bold").fontSize(18).text(doc.title);
  pdf.font("body").fontSize(11).text(doc.subtitle);
  pdf.fontSize(9).fillColor("#404040").text(doc.stamp).fillColor("#000000").moveDown(0.8);

  heading(pdf, doc.trendHeading);
  drawTrend(pdf, doc, width);

  for (const s of doc.sections) {
    ensure(60);
    heading(pdf, s.heading);
    if (s.intro) pdf.font("body").fontSize(9).text(s.intro, { width }).moveDown(0.3);
    if (s.table && s.table.rows.length) drawTable(pdf, s.table, width, bottom);
    if (s.note) pdf.font("body").fontSize(9).fillColor("#404040").text(s.note, { width }).fillColor("#000000").moveDown(0.5);
    else if (s.empty) pdf.font("body").fontSize(10).text(s.empty).moveDown(0.5);
  }
  ensure(60);
  heading(pdf, doc.conclusionsHeading);
  pdf.font("body").fontSize(10.5).text(doc.conclusions || doc.noConclusions, { width, lineGap: 2 });
  if (doc.conclusionsMeta) pdf.fontSize(9).fillColor("#404040").text(doc.conclusionsMeta).fillColor("#000000");

  // Page numbers, once all pages exist.
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    pdf.font("body").fontSize(8).fillColor("#404040").text(`${doc.title} · ${i + 1}/${range.count}`, MARGIN, pdf.page.height - MARGIN + 14, { width, align: "center", lineBreak: false });
  }
  pdf.end();
  return done;
}

function heading(pdf: PDFKit.PDFDocument, text: string) {
  pdf.font("bold").fontSize(13).fillColor("#000000").text(text).moveDown(0.25);
}

function drawTable(pdf: PDFKit.PDFDocument, table: DocTable, width: number, bottom: () => number) {
  const size = 8.5;
  const pad = 3;
  pdf.font("body").fontSize(size);
  // Column widths follow their longest text (capped), then scale to the page.
  const natural = table.columns.map((c, i) => Math.min(220, Math.max(pdf.widthOfString(c), ...table.rows.map((r) => pdf.widthOfString(r[i] ?? ""))) + 2 * pad));
  const scale = width / natural.reduce((a, b) => a + b, 0);
  const widths = natural.map((w) => w * scale);
  const rowHeight = (cells: string[], font: string) => {
    pdf.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => pdf.heightOfString(c || " ", { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: string, fill?: string) => {
    const h = rowHeight(cells, font);
    if (pdf.y + h > bottom()) {
      pdf.addPage();
      drawRow(table.columns, "bold", "#e5e5e5");
    }
    const y = pdf.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      if (fill) pdf.rect(x, y, widths[i], h).fill(fill);
      pdf.rect(x, y, widths[i], h).lineWidth(0.5).stroke("#a3a3a3");
      pdf.fillColor("#000000").font(font).fontSize(size).text(c, x + pad, y + pad, { width: widths[i] - 2 * pad, align: table.numeric?.includes(i) ? "right" : "left" });
      x += widths[i];
    });
    pdf.x = MARGIN;
    pdf.y = y + h;
  };
  drawRow(table.columns, "bold", "#e5e5e5");
  for (const r of table.rows) drawRow(r, "body");
  pdf.moveDown(0.8);
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
    pdf.moveTo(x0, yOf(max * f)).lineTo(x0 + w, yOf(max * f)).stroke();
    pdf.font("body").fontSize(7).fillColor("#404040").text(String(Math.round(max * f)), MARGIN, yOf(max * f) - 4, { width: 24, align: "right", lineBreak: false });
  }
  points.forEach((p, i) => {
    if (i % 2 === 0 || i === points.length - 1) pdf.fontSize(7).text(p.label, x0 + i * step - 14, y0 + plotH + 4, { width: 28, align: "center", lineBreak: false });
  });
  for (const c of COLOURS) {
    pdf.lineWidth(1.8).strokeColor(COLOUR_SWATCH[c].background);
    const dash = DASH[c];
    if (dash) pdf.dash(dash[0], { space: dash[1] });
    else pdf.undash();
    points.forEach((p, i) => (i === 0 ? pdf.moveTo(x0, yOf(p.counts[c])) : pdf.lineTo(x0 + i * step, yOf(p.counts[c]))));
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
    pdf.moveTo(lx, ly + 4).lineTo(lx + 22, ly + 4).stroke();
    pdf.undash();
    pdf.font("body").fontSize(8).fillColor("#000000").text(doc.colourNames[c], lx + 26, ly, { lineBreak: false });
    lx += 70;
  }
  pdf.x = MARGIN;
  pdf.y = y0 + h + 4;
  pdf.fillColor("#000000").strokeColor("#000000");
}
