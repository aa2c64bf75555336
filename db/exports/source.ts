/**
 * What every export reads: a snapshot's row count, its columns, and its rows in chunks — the same
 * source written out as CSV (./csv-file.ts) or XLSX (./xlsx-file.ts). The source runs inside one read
 * transaction on the export's own connection; closing that connection ends it however the download ends.
 */
export type Cell = string | number | null;
export type ExportSource = {
  kind: "history" | "register";
  scope: "full" | "partial";
  total: number;
  columns: readonly string[];
  /** Index of the column holding a colour word, filled with its colour in XLSX (or -1). */
  colourColumn: number;
  chunks: AsyncGenerator<Cell[][]>;
};

/** What the first lines (CSV) or the information sheet (XLSX) say about the file. */
export type ExportMeta = { title: string; scopeLine: string; exporterLine: string; countLine: (n: number) => string; query: string };

export const EXPORT_MARK = "# sise-export v1";
export const pauseBetweenChunks = () => new Promise<void>((r) => setImmediate(r));

export function markLine(source: Pick<ExportSource, "kind" | "scope" | "total">, query: string): string {
  return `${EXPORT_MARK}; kind=${source.kind}; scope=${source.scope}; rows=${source.total}; filter=${query}`;
}
