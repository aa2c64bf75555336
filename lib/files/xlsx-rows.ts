import { StringDecoder } from "node:string_decoder";
import type { Readable } from "node:stream";
import { SaxesParser } from "saxes";
import yauzl from "yauzl";

/**
 * Reads the rows of an XLSX workbook without ever holding more than a bounded amount of it: an
 * XLSX is a zip of XML, and a small upload can inflate to gigabytes (a "zip bomb") or carry one
 * enormous cell. Every limit is enforced while reading, and reading stops at the first one passed:
 * - `maxInflatedBytes`: the XML inflated, summed over every part read (the declared size of a part
 *   is checked before it is opened, and the actual bytes are counted as they arrive);
 * - `maxCellChars`: the text of any one cell (or shared string);
 * - `maxRows`: rows per sheet.
 * The zip's central directory is read first (yauzl), so parts are opened in the order needed
 * (workbook, shared strings, then each sheet) whatever their order in the file. Sheet XML is
 * parsed as a stream (saxes) and rows are handed out as they complete, with a pause for the event
 * loop between chunks, so a large file never stalls other requests.
 */
export type XlsxLimits = { maxInflatedBytes: number; maxCellChars: number; maxRows: number };
export type XlsxValue = string | number | boolean | null;
export type XlsxRow = { sheet: string; row: number; cells: XlsxValue[] };

export class XlsxLimitError extends Error {
  constructor(
    readonly limit: "inflated" | "cell" | "rows" | "unreadable",
    readonly at?: { sheet?: string; row?: number },
  ) {
    super(`xlsx: ${limit}`);
  }
}

type Sheet = { name: string; path: string };
/** "x:row" → "row": some producers write SpreadsheetML with a namespace prefix. */
const local = (name: string) => name.slice(name.indexOf(":") + 1);

export async function* xlsxRows(source: Buffer | string, limits: XlsxLimits): AsyncGenerator<XlsxRow> {
  let zip: yauzl.ZipFile;
  try {
    const options = { lazyEntries: true, validateEntrySizes: true, autoClose: false };
    zip =
      typeof source === "string"
        ? await yauzl.openPromise(source, options)
        : await yauzl.fromBufferPromise(source, options);
  } catch {
    throw new XlsxLimitError("unreadable");
  }
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    let budget = limits.maxInflatedBytes;
    const open = async (path: string): Promise<AsyncIterable<string> | null> => {
      const entry = entries.get(path);
      if (!entry) return null;
      if (entry.uncompressedSize > budget) throw new XlsxLimitError("inflated");
      const stream = await zip.openReadStreamPromise(entry);
      return counted(
        stream,
        () => budget,
        (n) => (budget -= n),
        limits.maxCellChars * MARKUP_PER_CHAR,
      );
    };
    const sheets = await workbookSheets(open);
    const shared = await sharedStrings(open, limits);
    for (const sheet of sheets) {
      const xml = await open(sheet.path);
      if (xml) yield* sheetRows(xml, sheet.name, shared, limits);
    }
  } catch (e) {
    if (e instanceof XlsxLimitError) throw e;
    // yauzl's own size check ("too many bytes in the stream") is the same limit, reached early.
    if (e instanceof Error && /too many bytes|exceeded/i.test(e.message)) throw new XlsxLimitError("inflated");
    throw new XlsxLimitError("unreadable");
  } finally {
    zip.close();
  }
}

/**
 * The most characters of markup one character of a cell can take (`&#x1F600;` is 9): a run of
 * text without a "<" longer than the cell limit times this cannot be one allowed cell.
 */
const MARKUP_PER_CHAR = 10;

/**
 * The inflated bytes of one part as text, counted against the whole file's budget. Runs between
 * tags are measured here, before the XML parser sees them: saxes gathers a text node (or an
 * attribute) whole before it reports it, so a 13-million-character cell would be held — tens of
 * MB — before the cell's own limit could refuse it.
 */
async function* counted(
  stream: Readable,
  remaining: () => number,
  spend: (n: number) => void,
  maxRun: number,
): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let run = 0;
  const measure = (text: string) => {
    let from = 0;
    for (let lt = text.indexOf("<"); lt !== -1; lt = text.indexOf("<", from)) {
      if (run + (lt - from) > maxRun) throw new XlsxLimitError("cell");
      run = 0;
      from = lt + 1;
    }
    run += text.length - from;
    if (run > maxRun) throw new XlsxLimitError("cell");
    return text;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (chunk.length > remaining()) throw new XlsxLimitError("inflated");
      spend(chunk.length);
      yield measure(decoder.write(chunk));
    }
    yield measure(decoder.end());
  } finally {
    stream.destroy();
  }
}

/** Sheets in workbook order, with the part each lives in (from workbook.xml and its relationships). */
async function workbookSheets(open: (path: string) => Promise<AsyncIterable<string> | null>): Promise<Sheet[]> {
  const rels = new Map<string, string>();
  await parseAll(await open("xl/_rels/workbook.xml.rels"), (name, attrs) => {
    if (name === "Relationship" && attrs.Id && attrs.Target) rels.set(attrs.Id, attrs.Target);
  });
  const sheets: Sheet[] = [];
  await parseAll(await open("xl/workbook.xml"), (name, attrs) => {
    if (name !== "sheet") return;
    const target = rels.get(attrs["r:id"] ?? "");
    if (!target) return;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    sheets.push({ name: attrs.name ?? path, path });
  });
  if (sheets.length === 0) throw new XlsxLimitError("unreadable");
  return sheets;
}

async function sharedStrings(
  open: (path: string) => Promise<AsyncIterable<string> | null>,
  limits: XlsxLimits,
): Promise<string[]> {
  const xml = await open("xl/sharedStrings.xml");
  const strings: string[] = [];
  if (!xml) return strings;
  const parser = new SaxesParser();
  let text: string[] | null = null;
  let size = 0;
  let inT = 0;
  // Phonetic runs (<rPh>) are readings, not the cell's text.
  let inPhonetic = 0;
  parser.on("opentag", (tag) => {
    const name = local(tag.name);
    if (name === "si") [text, size] = [[], 0];
    else if (name === "rPh") inPhonetic += 1;
    else if (name === "t") inT += 1;
  });
  parser.on("closetag", (tag) => {
    const name = local(tag.name);
    if (name === "si" && text) {
      strings.push(text.join(""));
      text = null;
    } else if (name === "rPh") inPhonetic -= 1;
    else if (name === "t") inT -= 1;
  });
  parser.on("text", (t) => {
    if (!text || !inT || inPhonetic) return;
    size += t.length;
    if (size > limits.maxCellChars) throw new XlsxLimitError("cell");
    text.push(t);
  });
  for await (const chunk of xml) parser.write(chunk);
  parser.close();
  return strings;
}

/** Column index (0-based) of a cell reference such as "AB12". */
function columnOf(ref: string | undefined, fallback: number): number {
  const letters = /^([A-Z]+)/.exec(ref ?? "")?.[1];
  if (!letters) return fallback;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

async function* sheetRows(
  xml: AsyncIterable<string>,
  sheet: string,
  shared: string[],
  limits: XlsxLimits,
): AsyncGenerator<XlsxRow> {
  const parser = new SaxesParser();
  const done: XlsxRow[] = [];
  let rowCount = 0;
  let row: { n: number; cells: XlsxValue[] } | null = null;
  let cell: { col: number; type: string; parts: string[]; size: number } | null = null;
  let capture = 0; // inside <v> or <is><t>
  let lastRow = 0;
  parser.on("opentag", (tag) => {
    const a = tag.attributes as Record<string, string>;
    const name = local(tag.name);
    if (name === "row") {
      rowCount += 1;
      if (rowCount > limits.maxRows) throw new XlsxLimitError("rows", { sheet, row: rowCount });
      lastRow = a.r ? Number(a.r) : lastRow + 1;
      row = { n: lastRow, cells: [] };
    } else if (name === "c" && row) {
      cell = { col: columnOf(a.r, row.cells.length), type: a.t ?? "n", parts: [], size: 0 };
    } else if ((name === "v" || name === "t") && cell) capture += 1;
  });
  parser.on("text", (t) => {
    if (!cell || !capture) return;
    cell.size += t.length;
    if (cell.size > limits.maxCellChars) throw new XlsxLimitError("cell", { sheet, row: row?.n });
    cell.parts.push(t);
  });
  parser.on("closetag", (tag) => {
    const name = local(tag.name);
    if ((name === "v" || name === "t") && cell) capture -= 1;
    else if (name === "c" && cell && row) {
      row.cells[cell.col] = valueOf(cell.type, cell.parts.join(""), cell.parts.length > 0, shared);
      cell = null;
    } else if (name === "row" && row) {
      done.push({ sheet, row: row.n, cells: Array.from(row.cells, (v) => v ?? null) });
      row = null;
    }
  });
  try {
    for await (const chunk of xml) {
      parser.write(chunk);
      while (done.length) yield done.shift()!;
      // Let other requests run between chunks of a large sheet.
      await new Promise<void>((r) => setImmediate(r));
    }
  } catch (e) {
    // A run too long for any cell, found before the parser reported it: name the row it is in.
    if (e instanceof XlsxLimitError && e.limit === "cell" && !e.at)
      throw new XlsxLimitError("cell", { sheet, row: (row as { n: number } | null)?.n ?? lastRow + 1 });
    throw e;
  }
  parser.close();
  while (done.length) yield done.shift()!;
}

function valueOf(type: string, text: string, present: boolean, shared: string[]): XlsxValue {
  switch (type) {
    case "s": {
      const s = shared[Number(text)];
      return s === undefined ? null : s;
    }
    case "inlineStr":
    case "str":
      // A text cell that is there but empty is "", not a missing value.
      return text;
    case "b":
      return text === "1";
    case "e":
      return null;
    default: {
      if (!present || text === "") return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
  }
}

/** Reads every XML element's start tag of a small part (workbook, relationships), bounded by the file's budget. */
async function parseAll(
  xml: AsyncIterable<string> | null,
  onTag: (name: string, attrs: Record<string, string>) => void,
) {
  if (!xml) return;
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => onTag(local(tag.name), tag.attributes as Record<string, string>));
  for await (const chunk of xml) parser.write(chunk);
  parser.close();
}
