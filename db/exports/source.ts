/**
 * What every export reads: a snapshot's row count, its columns, and its rows in chunks — the same
 * source written out as CSV (./csv-file.ts) or XLSX (./xlsx-file.ts). The source runs inside one read
 * transaction on the export's own connection; closing that connection ends it however the download ends.
 */
import { wallClockFormatter } from "../../lib/domain/wall-clock";

export type Cell = string | number | null;
export type ExportFormat = "csv" | "xlsx";

/**
 * How a column's values are written:
 * - `text`, `number` as they are;
 * - `datetime`: UTC milliseconds, written as the time in the city's zone (CSV "2026-11-25 14:30:00",
 *   XLSX a real date-time cell);
 * - `date`: a calendar day "2026-11-25" (XLSX a real date cell).
 */
export type ColumnKind = "text" | "number" | "datetime" | "date";
export type ExportColumn = {
  key: string;
  /** The column's heading in the export's language. */
  header: string;
  kind: ColumnKind;
  /** Long text: wrapped in a spreadsheet, in a wider column. */
  wrap?: boolean;
  /** A stored value kept exactly as the hash chain covers it (XLSX: grey heading, after the others). */
  raw?: boolean;
  /** Holds a colour word: the cell is filled with its colour in XLSX. */
  colour?: boolean;
};

export type ExportSource = {
  kind: "history" | "register" | "hazards";
  scope: "full" | "partial";
  total: number;
  columns: ExportColumn[];
  /** CSV headings: the machine keys (the verifiable history) or the headings (files people edit). */
  csvHeader: "key" | "header";
  chunks: AsyncGenerator<Cell[][]>;
};

/** What the first lines (CSV) or the information sheet (XLSX) say about the file. */
export type ExportMeta = {
  title: string;
  scopeLine: string;
  exporterLine: string;
  countLine: (n: number) => string;
  query: string;
  timeZone: string;
  /** The latest signed checkpoint of the history (decision 020), in words, if there is one. */
  checkpointLine?: string;
};

/** v2: control and formatting characters escaped in text cells (lib/domain/csv.ts); v1 files still verify. */
export const EXPORT_MARK = "# sise-export v2";
export const pauseBetweenChunks = () => new Promise<void>((r) => setImmediate(r));

export function markLine(source: Pick<ExportSource, "kind" | "scope" | "total">, query: string): string {
  return `${EXPORT_MARK}; kind=${source.kind}; scope=${source.scope}; rows=${source.total}; filter=${query}`;
}

/** "2026-11-25 14:30:00" in the zone: how a CSV shows a time, and the wall time an XLSX cell holds. */
export const localTimeFormatter = wallClockFormatter;
