/**
 * The history views' derivation (db/history/derive.ts) on a thread of its own. At a province's size
 * (a million risks) one month's checkpoint or one week's board is a second of counting, and a
 * database without them — just upgraded, restored or imported — needs hundreds: on the server's
 * thread that would leave every request waiting behind it for minutes, yields or not. Here it has
 * its own store connection (its writes are single short inserts, taking their turn with the app's
 * like another instance's would) and the server's thread only receives the result.
 *
 * Protocol: → { done, result } once, or → { failed, message }.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openDb } from "../open";
import { deriveHistory, type DeriveResult } from "./derive";

/** `location`: the store to derive in (the database file or the PostgreSQL URL). */
export type DeriveJob = { location: string; timeZone: string };
export type DeriveMessage = { type: "done"; result: DeriveResult } | { type: "failed"; message: string };

const port = parentPort!;
const job = workerData as DeriveJob;

async function run() {
  const db = openDb(job.location);
  try {
    const result = await deriveHistory(db, { timeZone: job.timeZone });
    port.postMessage({ type: "done", result } satisfies DeriveMessage);
  } finally {
    await db.close();
  }
}

run()
  .catch((e: unknown) =>
    port.postMessage({ type: "failed", message: e instanceof Error ? e.message : String(e) } satisfies DeriveMessage),
  )
  .finally(() => port.close());
