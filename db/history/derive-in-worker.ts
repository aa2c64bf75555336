import { Worker } from "node:worker_threads";
import type { DeriveResult } from "./derive";
import type { DeriveJob, DeriveMessage } from "./derive-worker";

/**
 * Runs the history views' derivation on its own thread (db/history/derive-worker.ts) and resolves
 * with what it made; rejects with the worker's error, or when it stops without a word.
 */
export function deriveInWorker(job: DeriveJob): Promise<DeriveResult> {
  // As db/exports/csv-in-worker.ts: bundled in the built app, TypeScript through tsx from source.
  const worker = process.env.NEXT_RUNTIME
    ? new Worker(new URL("./derive-worker.ts", import.meta.url), { workerData: job })
    : new Worker(
        `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url.replace(/derive-in-worker\.ts$/, "derive-worker.ts"))}, ${JSON.stringify(import.meta.url)}))`,
        { eval: true, workerData: job },
      );
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on("message", (m: DeriveMessage) => {
      settled = true;
      if (m.type === "done") resolve(m.result);
      else reject(new Error(m.message));
    });
    worker.on("error", (e) => {
      settled = true;
      reject(e);
    });
    worker.on("exit", () => {
      if (!settled) reject(new Error("the history derivation worker stopped"));
    });
  });
}
