import type Database from "better-sqlite3";
import { startOfDayInZone, addDays } from "../../lib/domain/dates";
import { isFullExport, type HistoryFilter } from "../../lib/validation/export-query";
import { pauseBetweenChunks, type Cell, type ExportSource } from "./source";

/**
 * The history as an export source (CSV or XLSX), streamed in constant memory. Reads in keyed chunks (seq > last … LIMIT n)
 * inside one read transaction on the connection it is given — the export's own read-only
 * connection, so a long export never holds the server's connection — and yields the event loop
 * between chunks (`pause`), so other requests keep flowing while a million rows go out.
 *
 * Layout: a few lines stating what the file is (kind, full or partial, filter, who, when, how many
 * events), then a header row and one row per event with every column the hash chain covers, as
 * stored (lib/domain/csv.ts keeps NULL and "" apart), plus the risk's code and the local time for
 * people. `verify-export` recomputes the chain from exactly these rows.
 */
export const HISTORY_COLUMNS = ["seq", "at", "at_local", "risk_id", "risk_code", "risk_version", "actor_id", "actor_name", "action", "field", "old_value", "new_value", "reason", "data", "prev_hash", "hash"] as const;

function where(f: HistoryFilter, timeZone: string): { sql: string; args: Array<string | number> } {
  const parts: string[] = [];
  const args: Array<string | number> = [];
  if (f.from) {
    parts.push("e.at >= ?");
    args.push(startOfDayInZone(f.from, timeZone));
  }
  if (f.to) {
    parts.push("e.at < ?");
    args.push(startOfDayInZone(addDays(f.to, 1), timeZone));
  }
  const list = (column: string, values: Array<string | number>) => {
    if (!values.length) return;
    parts.push(`${column} IN (${values.map(() => "?").join(", ")})`);
    args.push(...values);
  };
  list("r.area_id", f.areaIds);
  list("r.region_id", f.regionIds);
  list("r.colour", f.colours);
  list("e.actor_id", f.actorIds);
  list("e.action", f.actions);
  return { sql: parts.length ? `AND ${parts.join(" AND ")}` : "", args };
}

export function historySource(
  sqlite: Database.Database,
  filter: HistoryFilter,
  timeZone: string,
  { chunk = 1_000, pause = pauseBetweenChunks }: { chunk?: number; pause?: () => Promise<void> } = {},
): ExportSource {
  const w = where(filter, timeZone);
  const from = "FROM risk_events e LEFT JOIN risks r ON r.id = e.risk_id";
  const local = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  sqlite.exec("BEGIN"); // one snapshot: the count and every chunk agree (ends when the connection closes)
  const total = sqlite.prepare(`SELECT count(*) ${from} WHERE 1 ${w.sql}`).pluck().get(...w.args) as number;
  const select = sqlite
    .prepare(`SELECT e.seq, e.at, e.risk_id, r.code, e.risk_version, e.actor_id, e.actor_name, e.action, e.field, e.old_value, e.new_value, e.reason, e.data, e.prev_hash, e.hash
      ${from} WHERE e.seq > ? ${w.sql} ORDER BY e.seq LIMIT ?`)
    .raw();
  async function* chunks(): AsyncGenerator<Cell[][]> {
    let last = 0;
    for (;;) {
      const rows = select.all(last, ...w.args, chunk) as Array<[number, number, ...Cell[]]>;
      if (rows.length) yield rows.map(([seq, at, ...rest]) => [seq, at, local.format(at), ...rest]);
      if (rows.length < chunk) return;
      last = rows[rows.length - 1][0];
      await pause();
    }
  }
  return { kind: "history", scope: isFullExport(filter) ? "full" : "partial", total, columns: HISTORY_COLUMNS, colourColumn: -1, chunks: chunks() };
}
