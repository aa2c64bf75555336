import "server-only";
import { Worker } from "node:worker_threads";
import type { CsvJob, CsvMeta, ToMain, ToWorker } from "./csv-worker";

/**
 * The main thread's side of db/exports/csv-worker.ts: starts the worker on the job, resolves once
 * its snapshot is open (with the row count, so the caller can record the export and write the
 * file's opening lines), then hands out the CSV bytes as the download pulls them.
 */
export type CsvInWorker = {
  total: number;
  scope: "full" | "partial";
  /** Starts writing with these opening lines; the bytes come as the download asks for them. */
  bytes: (meta: CsvMeta) => AsyncIterator<Uint8Array>;
  /** Stops the worker (cancelled download, refused request); safe to call more than once. */
  close: () => void;
};

export function startCsvWorker(job: CsvJob): Promise<CsvInWorker> {
  // In the built app (Next sets NEXT_RUNTIME) the bundler turns this `new URL` into the worker's
  // bundled JavaScript. Run from source (tests, scripts) the worker is TypeScript, loaded through
  // tsx inside the new thread; its address is built from this module's so the bundler leaves it be.
  const worker = process.env.NEXT_RUNTIME
    ? new Worker(new URL("./csv-worker.ts", import.meta.url), { workerData: job })
    : new Worker(
        `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url.replace(/csv-in-worker\.ts$/, "csv-worker.ts"))}, ${JSON.stringify(import.meta.url)}))`,
        { eval: true, workerData: job },
      );
  const send = (m: ToWorker) => worker.postMessage(m);
  const queue: Uint8Array[] = [];
  let state: "open" | "ended" | "failed" = "open";
  let failure = "";
  let waiting: (() => void) | null = null;
  let stopped = false;
  const close = () => {
    if (stopped) return;
    stopped = true;
    send({ type: "cancel" });
    // A worker stuck in a long query is not waited for.
    setTimeout(() => void worker.terminate(), 2_000).unref();
  };
  return new Promise((resolve, reject) => {
    worker.on("error", (e) => {
      state = "failed";
      failure = e.message;
      waiting?.();
      reject(e);
    });
    worker.on("exit", () => {
      if (state === "open") {
        state = "failed";
        failure ||= "the export worker stopped";
      }
      waiting?.();
    });
    worker.on("message", (m: ToMain) => {
      if (m.type === "opened") {
        resolve({
          total: m.total,
          scope: m.scope,
          close,
          bytes: (meta) => {
            send({ type: "meta", meta });
            return {
              next: async () => {
                while (!queue.length && state === "open") await new Promise<void>((r) => (waiting = r));
                const bytes = queue.shift();
                if (bytes) {
                  send({ type: "more" });
                  return { done: false, value: bytes };
                }
                if (state === "failed") throw new Error(failure);
                return { done: true, value: undefined };
              },
              return: async () => {
                close();
                return { done: true, value: undefined };
              },
            };
          },
        });
        return;
      }
      if (m.type === "chunk") queue.push(m.bytes);
      else if (m.type === "end") state = "ended";
      else {
        state = "failed";
        failure = m.message;
        reject(new Error(m.message));
      }
      const w = waiting;
      waiting = null;
      w?.();
    });
  });
}
