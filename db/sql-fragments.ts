import { sql, type SQL } from "drizzle-orm";
import type { Dialect } from "./dialect";

/**
 * A text value inside a JSON text column, by path, in each dialect's words. Written exactly as the
 * partial indexes' predicates are (db/schema: risk_events_red_idx), so the planner can use them:
 * SQLite `json_extract(col, '$.a.b')`, PostgreSQL `(col::json->>'a')` for one key and
 * `(col::json #>> '{a,b}')` for a longer path. An empty path is the JSON value itself (a string's text).
 */
export function jsonText(dialect: Dialect, column: string, ...path: string[]): SQL {
  if (dialect === "sqlite") return sql.raw(`json_extract(${column}, '$${path.map((k) => `.${k}`).join("")}')`);
  if (path.length === 1) return sql.raw(`(${column}::json->>'${path[0]}')`);
  return sql.raw(`(${column}::json #>> '{${path.join(",")}}')`);
}
