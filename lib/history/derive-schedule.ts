import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { getDb } from "@/db/client";
import { deriveHistory } from "@/db/history/derive";
import { CITY_TIME_ZONE } from "@/lib/config";

/**
 * Derives the history views' checkpoints and week boards ahead of need (db/history/derive.ts):
 * shortly after the server starts, then hourly (a new week or month needs one new row). Yields
 * between batches, so requests keep being answered meanwhile. One run at a time per process.
 */
export function startHistoryDerivation() {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    const started = Date.now();
    try {
      const r = await deriveHistory(getDb(), { timeZone: CITY_TIME_ZONE, pause: () => yieldToEventLoop() });
      if (r.checkpoints || r.weeks)
        console.log(
          `[sise] history views derived: ${r.checkpoints} monthly checkpoints, ${r.weeks} weeks, ${r.events} events read in ${Date.now() - started} ms`,
        );
    } catch (e) {
      console.error("[sise] deriving history views failed:", e instanceof Error ? e.message : e);
    } finally {
      running = false;
    }
  };
  setTimeout(() => void run(), 2_000).unref();
  setInterval(() => void run(), 60 * 60_000).unref();
}
