import { sql } from "drizzle-orm";
import { parse } from "csv-parse";
import { exportVersion, uncell, unescapeText } from "../../lib/domain/csv";
import { chainHash, createChainVerifier, type StoredEvent } from "../../lib/domain/history-chain";
import { xlsxRows, XlsxLimitError, type XlsxLimits, type XlsxValue } from "../../lib/files/xlsx-rows";
import { rawRows, rawValue } from "../raw";
import type { Snapshot } from "../store";
import { CHAIN_COLUMNS, HISTORY_COLUMNS } from "./history";

/**
 * Checks a history export — CSV or XLSX, as the app writes them — against its own hash chain and,
 * given the database, against the history it came from; streaming, so a million rows need
 * constant memory.
 * - full export: the rows must be sequence 1, 2, 3 … with every link and hash recomputed from the
 *   cells (the chain verifier the database uses), as many as the file declares, and the last row's
 *   hash must equal the database's at that sequence — so, the chain being a chain, every row is
 *   the database's own;
 * - partial (filtered) export: each row's hash must match its cells and its prev_hash, rows with
 *   consecutive sequence numbers must link, and every row must be in the database with that very
 *   hash (so with identical content) — a changed or invented row is named. Whether rows are
 *   missing from a filtered file cannot be told from the file; the database comparison covers it.
 * The first bad row is named by its line (CSV) or row (XLSX) and its sequence number; a cell that
 * a spreadsheet changed on re-saving (a hash turned into "0", true into TRUE, a number into 1.2E+12)
 * is named by its column.
 */
export type ExportCheck =
  | {
      ok: true;
      scope: "full" | "partial";
      rows: number;
      head: string | null;
      database?: "matches";
      newerInDatabase?: number;
    }
  | {
      ok: false;
      scope: "full" | "partial" | null;
      rows: number;
      line?: number;
      seq?: number;
      column?: string;
      problem: "notAnExport" | "header" | "cell" | "chain" | "count" | "database" | "resaved" | "tooLarge";
    };
type Failure = Extract<ExportCheck, { ok: false }>;

const INTEGER = new Set<string>(["seq", "at", "risk_id", "risk_version", "actor_id"]);
const JSON_COLUMNS = new Set<string>(["old_value", "new_value", "data"]);
const HASH = /^[0-9a-f]{64}$/;
const LOOKUP_BATCH = 500;

/** The stored columns of one row, as text (null for NULL); the line it came from. */
type RawRow = { line: number; cells: Record<string, string | null> };

/**
 * What a spreadsheet's re-save does to the stored columns: long digit strings become numbers ("0",
 * "1.76E+12"), JSON true/false become TRUE/FALSE. The first such column, or null.
 */
export function damagedColumn(cells: Record<string, string | null>): string | null {
  for (const c of CHAIN_COLUMNS) {
    const v = cells[c];
    if (INTEGER.has(c)) {
      // seq and at are never NULL; the others may be.
      if (v === null ? c === "seq" || c === "at" : !/^-?\d+$/.test(v)) return c;
    } else if (c === "prev_hash" || c === "hash") {
      if (v === null || !HASH.test(v)) return c;
    } else if (JSON_COLUMNS.has(c) && v !== null) {
      try {
        JSON.parse(v);
      } catch {
        return c;
      }
    }
  }
  return null;
}

function toEvent(
  cells: Record<string, string | null>,
): StoredEvent & { prev_hash: string | null; hash: string | null } {
  const int = (k: string) => (cells[k] === null ? null : Number(cells[k]));
  return {
    seq: int("seq") as number,
    at: int("at") as number,
    risk_id: int("risk_id"),
    risk_version: int("risk_version"),
    actor_id: int("actor_id"),
    actor_name: cells.actor_name ?? "",
    action: cells.action ?? "",
    field: cells.field,
    old_value: cells.old_value,
    new_value: cells.new_value,
    reason: cells.reason,
    data: cells.data,
    prev_hash: cells.prev_hash,
    hash: cells.hash,
  };
}

/** The chain rules over rows as they come, the database comparison batched. */
function createChecker(scope: "full" | "partial", db?: Snapshot) {
  const chain = createChainVerifier();
  let rows = 0;
  let head: string | null = null;
  let previous: { seq: number; hash: string } | null = null;
  let pending: Array<{ line: number; seq: number; hash: string }> = [];
  const fail = (problem: Failure["problem"], line?: number, seq?: number, column?: string): Failure => ({
    ok: false,
    scope,
    rows,
    line,
    seq,
    column,
    problem,
  });
  const flush = async (): Promise<Failure | null> => {
    if (!db || !pending.length) return null;
    // Plain SQL (db/raw.ts): an export is checked against either store, whichever this process runs.
    const stored = await rawRows<[number, string | null]>(
      db,
      sql`SELECT seq, hash FROM risk_events WHERE seq IN (${sql.join(
        pending.map((p) => sql`${p.seq}`),
        sql`, `,
      )})`,
    );
    const found = new Map(stored.map(([seq, hash]) => [seq, hash]));
    const bad = pending.find((p) => found.get(p.seq) !== p.hash);
    pending = [];
    return bad ? fail("database", bad.line, bad.seq) : null;
  };
  return {
    async push(r: RawRow): Promise<Failure | null> {
      rows += 1;
      const damaged = damagedColumn(r.cells);
      const e = toEvent(r.cells);
      if (damaged)
        return fail(
          damaged === "seq" || damaged === "at" ? "cell" : "resaved",
          r.line,
          Number.isSafeInteger(e.seq) ? e.seq : undefined,
          damaged,
        );
      if (scope === "full") {
        if (!chain.push(e)) return fail("chain", r.line, e.seq);
      } else {
        const linked = previous === null || e.seq !== previous.seq + 1 || e.prev_hash === previous.hash;
        if (!linked || chainHash(e.prev_hash!, e) !== e.hash) return fail("chain", r.line, e.seq);
        previous = { seq: e.seq, hash: e.hash! };
        pending.push({ line: r.line, seq: e.seq, hash: e.hash! });
        if (pending.length >= LOOKUP_BATCH) return flush();
      }
      head = e.hash;
      return null;
    },
    async finish(declared: number): Promise<ExportCheck> {
      if (rows !== declared) return fail("count");
      if (scope === "full") {
        const result = chain.finish();
        if (!result.ok) return fail("chain");
      }
      const stale = await flush();
      if (stale) return stale;
      if (!db || rows === 0) return { ok: true, scope, rows, head };
      if (scope === "partial") return { ok: true, scope, rows, head, database: "matches" };
      // The database has moved on since the export: compare at the export's last sequence.
      const stored = await rawValue<string | null>(db, sql`SELECT hash FROM risk_events WHERE seq = ${rows}`);
      if (stored !== head) return fail("database", undefined, rows);
      const newer = Number(await rawValue(db, sql`SELECT count(*) FROM risk_events WHERE seq > ${rows}`));
      return { ok: true, scope, rows, head, database: "matches", newerInDatabase: newer };
    },
  };
}

/** The first line of a history export: its format version, full or partial, how many rows. */
function readMark(text: string): { version: 1 | 2; scope: "full" | "partial"; declared: number } | null {
  const version = exportVersion(text);
  const m = version ? /kind=history; scope=(full|partial); rows=(\d+)/.exec(text) : null;
  return version && m ? { version, scope: m[1] as "full" | "partial", declared: Number(m[2]) } : null;
}

/** A history CSV as the app writes it: the mark line, "#" lines, the header of keys, the rows. */
export async function verifyExport(chunks: AsyncIterable<Buffer | string>, db?: Snapshot): Promise<ExportCheck> {
  type Cell = { value: string; quoted: boolean };
  const parser = parse({
    bom: true,
    relax_column_count: true,
    info: true,
    cast: (value, context) => ({ value, quoted: context.quoting }) as unknown as string,
  });
  const feeding = (async () => {
    try {
      for await (const c of chunks) if (!parser.write(c)) await new Promise((r) => parser.once("drain", r));
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();
  let mark: ReturnType<typeof readMark> = null;
  let checker: ReturnType<typeof createChecker> | null = null;
  let header = false;
  let rows = 0;
  const stop = (check: ExportCheck) => {
    parser.destroy();
    return check;
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Cell[]; info: { lines: number } }>) {
      const first = record[0]?.value ?? "";
      if (!mark) {
        mark = readMark(first);
        if (!mark) return stop({ ok: false, scope: null, rows, line: info.lines, problem: "notAnExport" });
        checker = createChecker(mark.scope, db);
        continue;
      }
      if (!header) {
        if (first.startsWith("#")) continue;
        if (HISTORY_COLUMNS.some((c, i) => record[i]?.value !== c))
          return stop({ ok: false, scope: mark.scope, rows, line: info.lines, problem: "header" });
        header = true;
        continue;
      }
      rows += 1;
      if (record.length !== HISTORY_COLUMNS.length)
        return stop({ ok: false, scope: mark.scope, rows, line: info.lines, problem: "cell" });
      const cells = Object.fromEntries(
        HISTORY_COLUMNS.map((c, i) => [c, uncell(record[i].value, record[i].quoted, mark!.version === 2)]),
      );
      const failed = await checker!.push({ line: info.lines, cells });
      if (failed) return stop(failed);
    }
    await feeding;
  } catch {
    return { ok: false, scope: mark?.scope ?? null, rows, problem: "cell" };
  }
  if (!mark || !checker) return { ok: false, scope: null, rows, problem: "notAnExport" };
  return checker.finish(mark.declared);
}

/**
 * A history XLSX as the app writes it: the mark on the information sheet's first row; on the data
 * sheet the stored columns under their keys (after the columns for people), NULL an empty cell.
 */
export async function verifyXlsxExport(
  source: Buffer | string,
  limits: XlsxLimits,
  db?: Snapshot,
): Promise<ExportCheck> {
  let mark: ReturnType<typeof readMark> = null;
  let checker: ReturnType<typeof createChecker> | null = null;
  let index: Map<string, number> | null = null;
  let dataSheet: string | null = null;
  let rows = 0;
  const text = (v: XlsxValue | undefined): string | null =>
    v === null || v === undefined ? null : typeof v === "number" ? numberText(v) : String(v);
  const stored = (v: XlsxValue | undefined): string | null => {
    const t = text(v);
    return t !== null && typeof v === "string" && mark?.version === 2 ? unescapeText(t) : t;
  };
  try {
    for await (const r of xlsxRows(source, limits)) {
      if (!mark) {
        mark = readMark(text(r.cells[0]) ?? "");
        if (!mark) return { ok: false, scope: null, rows, line: r.row, problem: "notAnExport" };
        checker = createChecker(mark.scope, db);
        continue;
      }
      if (!index) {
        const keys = r.cells.map((c) => text(c));
        if (!keys.includes("seq") || !keys.includes("hash")) continue;
        index = new Map(
          keys.flatMap((k, i) => (k && (CHAIN_COLUMNS as readonly string[]).includes(k) ? [[k, i] as const] : [])),
        );
        if (CHAIN_COLUMNS.some((c) => !index!.has(c)))
          return { ok: false, scope: mark.scope, rows, line: r.row, problem: "header" };
        dataSheet = r.sheet;
        continue;
      }
      if (r.sheet !== dataSheet) continue;
      rows += 1;
      const cells = Object.fromEntries(CHAIN_COLUMNS.map((c) => [c, stored(r.cells[index!.get(c)!])]));
      const failed = await checker!.push({ line: r.row, cells });
      if (failed) return failed;
    }
  } catch (e) {
    if (e instanceof XlsxLimitError && e.limit !== "unreadable")
      return { ok: false, scope: mark?.scope ?? null, rows, problem: "tooLarge" };
    return { ok: false, scope: mark?.scope ?? null, rows, problem: mark ? "cell" : "notAnExport" };
  }
  if (!mark || !checker) return { ok: false, scope: null, rows, problem: "notAnExport" };
  if (!index) return { ok: false, scope: mark.scope, rows, problem: "header" };
  return checker.finish(mark.declared);
}

/** An integer cell as its digits (never "1.7e+12"); other numbers as JavaScript writes them. */
function numberText(n: number): string {
  return Number.isSafeInteger(n) ? n.toFixed(0) : String(n);
}
