import { startOfDayInZone, addDays } from "../../lib/domain/dates";
import type { StoredEvent } from "../../lib/domain/history-chain";
import { isFullExport, type HistoryFilter } from "../../lib/validation/export-query";
import { sql, type SQL } from "drizzle-orm";
import { rawRows, rawValue } from "../raw";
import { regionsWithin } from "../territory";
import type { Snapshot } from "../store";
import { pauseBetweenChunks, type Cell, type ExportColumn, type ExportFormat, type ExportSource } from "./source";

/**
 * The history as an export source (CSV or XLSX), streamed in constant memory. Reads in keyed chunks (seq > last … LIMIT n)
 * from the snapshot it is given (`Db.openSnapshot`: its own read-only connection, so a long
 * export never holds the server's) and yields the event loop
 * between chunks (`pause`), so other requests keep flowing while a million rows go out.
 *
 * CSV (for auditors' tools and `verify-export`): a header of machine keys and one row per event
 * with every column the hash chain covers, as stored (lib/domain/csv.ts keeps NULL and "" apart),
 * plus the risk's code and the local time. XLSX (for people): the time as a date cell in the city's
 * zone, the risk, who, what happened in words and the reason first; then the same stored columns
 * as the CSV's, headed by their keys, from which the app verifies the file the same way.
 */
export const CHAIN_COLUMNS = [
  "seq",
  "at",
  "risk_id",
  "risk_version",
  "actor_id",
  "actor_name",
  "action",
  "field",
  "old_value",
  "new_value",
  "reason",
  "data",
  "prev_hash",
  "hash",
] as const;
export const HISTORY_COLUMNS = [
  "seq",
  "at",
  "at_local",
  "risk_id",
  "risk_code",
  "risk_version",
  "actor_id",
  "actor_name",
  "action",
  "field",
  "old_value",
  "new_value",
  "reason",
  "data",
  "prev_hash",
  "hash",
] as const;

/** How the XLSX tells people what an event was: its headings and the event in one sentence. */
export type HistoryWords = {
  headers: { seq: string; time: string; risk: string; actor: string; event: string; reason: string };
  describe: (e: StoredEvent) => string;
  actor: (name: string) => string;
};

function where(f: HistoryFilter, timeZone: string): SQL {
  const parts: SQL[] = [];
  if (f.from) parts.push(sql`e.at >= ${startOfDayInZone(f.from, timeZone)}`);
  if (f.to) parts.push(sql`e.at < ${startOfDayInZone(addDays(f.to, 1), timeZone)}`);
  const list = (column: string, values: Array<string | number>) => {
    if (values.length)
      parts.push(
        sql`${sql.raw(column)} IN (${sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )})`,
      );
  };
  list("r.area_id", f.areaIds);
  list("r.region_id", f.regionIds);
  list("r.colour", f.colours);
  list("e.actor_id", f.actorIds);
  list("e.action", f.actions);
  return parts.length ? sql`AND ${sql.join(parts, sql` AND `)}` : sql``;
}

const INTEGER = new Set(["seq", "at", "risk_id", "risk_version", "actor_id"]);

export async function historySource(
  snapshot: Snapshot,
  filter: HistoryFilter,
  timeZone: string,
  {
    chunk = 1_000,
    pause = pauseBetweenChunks,
    format = "csv",
    words,
  }: { chunk?: number; pause?: () => Promise<void>; format?: ExportFormat; words?: HistoryWords } = {},
): Promise<ExportSource> {
  // A division in the filter holds everything below it, as in the register.
  const w = where({ ...filter, regionIds: (await regionsWithin(snapshot, filter.regionIds)) ?? [] }, timeZone);
  // One snapshot (one read transaction): the count and every chunk agree.
  const from = sql`FROM risk_events e LEFT JOIN risks r ON r.id = e.risk_id`;
  const total = (await rawValue<number>(snapshot, sql`SELECT count(*) ${from} WHERE true ${w}`)) ?? 0;
  const select = (after: number) =>
    rawRows<Raw>(
      snapshot,
      sql`SELECT e.seq, e.at, e.risk_id, r.code, e.risk_version, e.actor_id, e.actor_name, e.action, e.field, e.old_value, e.new_value, e.reason, e.data, e.prev_hash, e.hash
        ${from} WHERE e.seq > ${after} ${w} ORDER BY e.seq LIMIT ${chunk}`,
    );
  type Raw = [
    number,
    number,
    number | null,
    string | null,
    number | null,
    number | null,
    string,
    string,
    string | null,
    string | null,
    string | null,
    string | null,
    string | null,
    string,
    string,
  ];
  const xlsx = format === "xlsx" && words;
  const raw = (key: string): ExportColumn => ({
    key,
    header: key,
    kind: INTEGER.has(key) ? "number" : "text",
    raw: true,
  });
  const columns: ExportColumn[] = xlsx
    ? [
        { key: "seq_view", header: words.headers.seq, kind: "number" },
        { key: "time", header: words.headers.time, kind: "datetime" },
        { key: "risk_code", header: words.headers.risk, kind: "text" },
        { key: "actor", header: words.headers.actor, kind: "text" },
        { key: "event", header: words.headers.event, kind: "text", wrap: true },
        { key: "reason_view", header: words.headers.reason, kind: "text", wrap: true },
        ...CHAIN_COLUMNS.map(raw),
      ]
    : HISTORY_COLUMNS.map(
        (key) =>
          ({
            key,
            header: key,
            kind: key === "at_local" ? "datetime" : INTEGER.has(key) ? "number" : "text",
          }) as ExportColumn,
      );
  const toRow = xlsx
    ? ([
        seq,
        at,
        riskId,
        code,
        version,
        actorId,
        actorName,
        action,
        field,
        oldValue,
        newValue,
        reason,
        data,
        prev,
        hash,
      ]: Raw): Cell[] => {
        const e: StoredEvent = {
          seq,
          at,
          risk_id: riskId,
          risk_version: version,
          actor_id: actorId,
          actor_name: actorName,
          action,
          field,
          old_value: oldValue,
          new_value: newValue,
          reason,
          data,
        };
        return [
          seq,
          at,
          code,
          words.actor(actorName),
          words.describe(e),
          reason,
          seq,
          at,
          riskId,
          version,
          actorId,
          actorName,
          action,
          field,
          oldValue,
          newValue,
          reason,
          data,
          prev,
          hash,
        ];
      }
    : (r: Raw): Cell[] => [
        r[0],
        r[1],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        r[8],
        r[9],
        r[10],
        r[11],
        r[12],
        r[13],
        r[14],
      ];
  async function* chunks(): AsyncGenerator<Cell[][]> {
    let last = 0;
    for (;;) {
      const rows = await select(last);
      if (rows.length) yield rows.map(toRow);
      if (rows.length < chunk) return;
      last = rows[rows.length - 1][0];
      await pause();
    }
  }
  return {
    kind: "history",
    scope: isFullExport(filter) ? "full" : "partial",
    total,
    columns,
    csvHeader: "key",
    chunks: chunks(),
  };
}
