import type Database from "better-sqlite3";
import { parse } from "csv-parse";
import { chainHash, createChainVerifier, type StoredEvent } from "../../lib/domain/history-chain";
import { uncell } from "../../lib/domain/csv";
import { HISTORY_COLUMNS } from "./history";
import { EXPORT_MARK } from "./source";

/**
 * Checks a history export (CSV) against its own hash chain and, given the database, against the
 * history it came from — streaming, so a million-row file needs constant memory.
 * - full export: the rows must be sequence 1, 2, 3 … with every link and hash recomputed from the
 *   cells (the chain verifier the database uses), as many as the file's first line declares, and the
 *   last row's hash must equal the database's hash at that sequence;
 * - partial (filtered) export: each row's hash must match its cells and its prev_hash, and rows with
 *   consecutive sequence numbers must link — it cannot prove that nothing is missing, and says so.
 * The first bad row is named by its line in the file and its sequence number.
 */
export type ExportCheck =
  | { ok: true; scope: "full" | "partial"; rows: number; head: string | null; database?: "matches"; newerInDatabase?: number }
  | { ok: false; scope: "full" | "partial" | null; rows: number; line?: number; seq?: number; problem: "notAnExport" | "header" | "cell" | "chain" | "count" | "database" };

type Cell = { value: string; quoted: boolean };

export async function verifyExport(chunks: AsyncIterable<Buffer | string>, sqlite?: Database.Database): Promise<ExportCheck> {
  const parser = parse({ bom: true, relax_column_count: true, info: true, cast: (value, context) => ({ value, quoted: context.quoting }) as unknown as string });
  const feeding = (async () => {
    try {
      for await (const c of chunks) if (!parser.write(c)) await new Promise((r) => parser.once("drain", r));
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();
  let scope: "full" | "partial" | null = null;
  let declared = -1;
  let columns: string[] | null = null;
  let rows = 0;
  let head: string | null = null;
  let previous: { seq: number; hash: string } | null = null;
  const chain = createChainVerifier();
  const fail = (problem: Extract<ExportCheck, { ok: false }>["problem"], line?: number, seq?: number): ExportCheck => {
    parser.destroy();
    return { ok: false, scope, rows, line, seq, problem };
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Cell[]; info: { lines: number } }>) {
      const first = record[0]?.value ?? "";
      if (scope === null) {
        const m = first.startsWith(EXPORT_MARK) ? /kind=history; scope=(full|partial); rows=(\d+)/.exec(first) : null;
        if (!m) return fail("notAnExport", info.lines);
        [scope, declared] = [m[1] as "full" | "partial", Number(m[2])];
        continue;
      }
      if (!columns) {
        if (first.startsWith("#")) continue;
        columns = record.map((c) => c.value);
        if (HISTORY_COLUMNS.some((c, i) => columns![i] !== c)) return fail("header", info.lines);
        continue;
      }
      const text = (i: number) => uncell(record[i]?.value ?? "", record[i]?.quoted ?? false);
      const int = (i: number) => {
        const v = text(i);
        return v === null ? null : /^-?\d+$/.test(v) ? Number(v) : NaN;
      };
      const e: StoredEvent & { prev_hash: string | null; hash: string | null } = {
        seq: int(0) as number, at: int(1) as number, risk_id: int(3), risk_version: int(5), actor_id: int(6), actor_name: text(7) ?? "",
        action: text(8) ?? "", field: text(9), old_value: text(10), new_value: text(11), reason: text(12), data: text(13), prev_hash: text(14), hash: text(15),
      };
      rows += 1;
      if (record.length !== HISTORY_COLUMNS.length || [e.seq, e.at, e.risk_id, e.risk_version, e.actor_id].some((n) => Number.isNaN(n))) return fail("cell", info.lines, e.seq);
      if (scope === "full") {
        if (!chain.push(e)) return fail("chain", info.lines, e.seq);
      } else {
        const linked = previous === null || e.seq !== previous.seq + 1 || e.prev_hash === previous.hash;
        if (!e.prev_hash || !linked || chainHash(e.prev_hash, e) !== e.hash) return fail("chain", info.lines, e.seq);
        previous = { seq: e.seq, hash: e.hash! };
      }
      head = e.hash;
    }
    await feeding;
  } catch {
    return { ok: false, scope, rows, problem: "cell" };
  }
  if (scope === null) return { ok: false, scope, rows, problem: "notAnExport" };
  if (rows !== declared) return { ok: false, scope, rows, problem: "count" };
  if (scope === "full") {
    const result = chain.finish();
    if (!result.ok) return { ok: false, scope, rows, problem: "chain" };
  }
  if (!sqlite || rows === 0 || scope === "partial") return { ok: true, scope, rows, head };
  // The database has moved on since the export: compare at the export's last sequence.
  const lastSeq = rows;
  const stored = sqlite.prepare("SELECT hash FROM risk_events WHERE seq = ?").pluck().get(lastSeq) as string | undefined;
  if (stored === undefined) return { ok: false, scope, rows, seq: lastSeq, problem: "database" };
  if (stored !== head) return { ok: false, scope, rows, seq: lastSeq, problem: "database" };
  const newer = sqlite.prepare("SELECT count(*) FROM risk_events WHERE seq > ?").pluck().get(lastSeq) as number;
  return { ok: true, scope, rows, head, database: "matches", newerInDatabase: newer };
}
