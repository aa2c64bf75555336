import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { getDb } from "@/db/client";
import { deriveHistory } from "@/db/history/derive";
import { CITY_TIME_ZONE } from "@/lib/config";
import { every } from "@/lib/schedule/every";

/**
 * Derives the history views' checkpoints and week boards ahead of need (db/history/derive.ts):
 * shortly after the server starts, then hourly (a new week or month needs one new row), once per
 * interval across all instances. Yields between batches, so requests keep being answered meanwhile.
 */
export function startHistoryDerivation() {
  every("history derivation", { everyMs: 60 * 60_000, firstAfterMs: 2_000 }, async () => {
    const started = Date.now();
    const r = await deriveHistory(getDb(), { timeZone: CITY_TIME_ZONE, pause: () => yieldToEventLoop() });
    if (r.checkpoints || r.weeks)
      console.log(
        `[sise] history views derived: ${r.checkpoints} monthly checkpoints, ${r.weeks} weeks, ${r.events} events read in ${Date.now() - started} ms`,
      );
  });
}
