import type Database from "better-sqlite3";
import { BOM, row } from "../../lib/domain/csv";
import { startOfDayInZone, addDays } from "../../lib/domain/dates";
import { isFullExport, type HistoryFilter } from "../../lib/validation/export-query";

/**
 * The history as CSV, streamed in constant memory. Reads in keyed chunks (seq > last … LIMIT n)
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
export const EXPORT_MARK = "# sise-export v1";

export type ExportMeta = { title: string; scopeLine: string; exporterLine: string; countLine: (n: number) => string; query: string; timeZone: string };

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

export async function* historyCsv(
  sqlite: Database.Database,
  filter: HistoryFilter,
  meta: ExportMeta,
  { chunk = 5_000, pause = () => new Promise<void>((r) => setImmediate(r)) }: { chunk?: number; pause?: () => Promise<void> } = {},
): AsyncGenerator<string> {
  const w = where(filter, meta.timeZone);
  const from = "FROM risk_events e LEFT JOIN risks r ON r.id = e.risk_id";
  const local = new Intl.DateTimeFormat("sv-SE", { timeZone: meta.timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  sqlite.exec("BEGIN"); // one snapshot: the count and every chunk agree
  try {
    const total = sqlite.prepare(`SELECT count(*) ${from} WHERE 1 ${w.sql}`).pluck().get(...w.args) as number;
    const full = isFullExport(filter);
    yield BOM + row([`${EXPORT_MARK}; kind=history; scope=${full ? "full" : "partial"}; rows=${total}; filter=${meta.query}`]);
    yield row([`# ${meta.title}`]) + row([`# ${meta.scopeLine}`]) + row([`# ${meta.exporterLine}`]) + row([`# ${meta.countLine(total)}`]);
    yield row([...HISTORY_COLUMNS]);
    const select = sqlite
      .prepare(`SELECT e.seq, e.at, e.risk_id, r.code, e.risk_version, e.actor_id, e.actor_name, e.action, e.field, e.old_value, e.new_value, e.reason, e.data, e.prev_hash, e.hash
        ${from} WHERE e.seq > ? ${w.sql} ORDER BY e.seq LIMIT ?`)
      .raw();
    let last = 0;
    for (;;) {
      const rows = select.all(last, ...w.args, chunk) as Array<[number, number, ...Array<string | number | null>]>;
      let out = "";
      for (const [seq, at, ...rest] of rows) out += row([seq, at, local.format(at), ...rest]);
      if (out) yield out;
      if (rows.length < chunk) break;
      last = rows[rows.length - 1][0];
      await pause();
    }
  } finally {
    sqlite.exec("COMMIT");
  }
}
