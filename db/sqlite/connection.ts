import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { bigramText } from "../../lib/domain/search";

/** Where the embedded database lives: SISE_DB_PATH, else ./data/sise.db under the working directory. */
export function databasePath(): string {
  // turbopackIgnore: the path is chosen at run time; tracing it would pull the whole project into the build.
  return resolve(/*turbopackIgnore: true*/ process.env.SISE_DB_PATH ?? "data/sise.db");
}

/**
 * Opens a SQLite file with the pragmas every Sise connection needs (see docs/decisions/002):
 * WAL so readers never block the writer, foreign keys enforced, a busy timeout instead of
 * immediate SQLITE_BUSY, and synchronous=FULL so an acknowledged write survives power loss.
 */
export function openDatabase(file: string = databasePath(), options: { readonly?: boolean } = {}) {
  if (!options.readonly) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  // Used by the bigram search triggers (drizzle/0002): every connection that may write risks needs it.
  sqlite.function("sise_bigrams", { deterministic: true }, (text: unknown) => bigramText(String(text ?? "")));
  return sqlite;
}
