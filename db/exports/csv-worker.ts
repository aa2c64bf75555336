/**
 * The history's CSV, written on a thread of its own (issue 18). The main thread serves every other
 * request; this one opens its own read-only store and takes a snapshot of it (one read transaction),
 * tells the main thread how many rows it holds, and once given the file's opening lines writes the
 * CSV (db/exports/csv-file.ts), UTF-8 encoded, a chunk at a time. It keeps at most a few chunks
 * ahead of the download (credits from the main thread), so a slow client holds it back instead of
 * filling memory, and it stops and closes the connection the moment the download is cancelled.
 *
 * Protocol: → { opened, total, scope } · ← { meta } · → chunk (transferred bytes) … · → { end }
 * ← { more } adds a credit · ← { cancel } stops · → { failed, message } on any error.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { HistoryFilter } from "../../lib/validation/export-query";
import { csvFile } from "./csv-file";
import { openDb } from "../open";
import { historySource } from "./history";
import type { ExportMeta } from "./source";

/** `location`: the store the worker opens a read-only snapshot of (the database file). */
export type CsvJob = { location: string; filter: HistoryFilter; timeZone: string };
export type CsvMeta = Omit<ExportMeta, "countLine"> & { countLine: string };
export type ToMain =
  | { type: "opened"; total: number; scope: "full" | "partial" }
  | { type: "chunk"; bytes: Uint8Array }
  | { type: "end" }
  | { type: "failed"; message: string };
export type ToWorker = { type: "meta"; meta: CsvMeta } | { type: "more" } | { type: "cancel" };

/** Chunks written ahead of the download (each ~370 KB for the history). */
export const AHEAD = 4;

const port = parentPort!;
const job = workerData as CsvJob;
let credits = AHEAD;
let cancelled = false;
let wake: (() => void) | null = null;
let meta: CsvMeta | null = null;
const nudge = () => {
  wake?.();
  wake = null;
};
const until = async (ready: () => boolean) => {
  while (!ready() && !cancelled) await new Promise<void>((r) => (wake = r));
};
port.on("message", (m: ToWorker) => {
  if (m.type === "meta") meta = m.meta;
  else if (m.type === "more") credits += 1;
  else cancelled = true;
  nudge();
});

async function run() {
  // Read-only: this thread only reads one snapshot.
  const db = openDb(job.location, { readonly: true });
  const held = await db.openSnapshot();
  try {
    // No pause between chunks: nobody else is served on this thread.
    const source = await historySource(held.snapshot, job.filter, job.timeZone, { pause: async () => undefined });
    port.postMessage({ type: "opened", total: source.total, scope: source.scope } satisfies ToMain);
    await until(() => meta !== null);
    if (cancelled) return;
    const encoder = new TextEncoder();
    for await (const text of csvFile(source, { ...meta!, countLine: () => meta!.countLine })) {
      await until(() => credits > 0);
      if (cancelled) return;
      const bytes = encoder.encode(text);
      credits -= 1;
      port.postMessage({ type: "chunk", bytes } satisfies ToMain, [bytes.buffer]);
    }
    port.postMessage({ type: "end" } satisfies ToMain);
  } finally {
    held.close();
    await db.close();
  }
}

run()
  .catch((e: unknown) =>
    port.postMessage({ type: "failed", message: e instanceof Error ? e.message : String(e) } satisfies ToMain),
  )
  .finally(() => port.close());
