import "server-only";
import type Database from "better-sqlite3";
import { getDb } from "../client";
import { databaseFile, openDatabase } from "../connection";

/** The connection an export source reads its snapshot from: only db/ looks inside it. */
export type Snapshot = Database.Database;

/** The database file an export's own connection (or its worker thread) opens. */
export const snapshotFile = (): string => databaseFile(getDb());

/**
 * A read-only connection of its own to the server's database, for a long read (an export, a
 * verification): it never holds the server's connection, and a read transaction begun on it sees
 * one snapshot however long the download takes. Close it when done, however the read ends.
 */
export function openExportSnapshot(): { sqlite: Snapshot; close: () => void } {
  const sqlite = openDatabase(snapshotFile(), { readonly: true });
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
