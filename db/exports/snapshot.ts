import "server-only";
import type Database from "better-sqlite3";
import { getDb } from "../client";
import { openDatabase } from "../connection";

/**
 * A read-only connection of its own to the server's database, for a long read (an export, a
 * verification): it never holds the server's connection, and a read transaction begun on it sees
 * one snapshot however long the download takes. Close it when done, however the read ends.
 */
export function openExportSnapshot(): { sqlite: Database.Database; close: () => void } {
  const sqlite = openDatabase(getDb().$client.name, { readonly: true });
  let closed = false;
  return {
    sqlite,
    close: () => {
      if (closed) return;
      closed = true;
      sqlite.close();
    },
  };
}
