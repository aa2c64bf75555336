import "server-only";
import { getDb } from "@/db/client";
import { deriveInWorker } from "@/db/history/derive-in-worker";
import { CITY_TIME_ZONE } from "@/lib/config";
import { every } from "@/lib/schedule/every";

/**
 * Derives the history views' checkpoints and week boards ahead of need (db/history/derive.ts):
 * shortly after the server starts, then hourly (a new week or month needs one new row), once per
 * interval across all instances. On a thread of its own (db/history/derive-worker.ts), so requests
 * keep being answered meanwhile, however much there is to derive.
 */
export function startHistoryDerivation() {
  every("history derivation", { everyMs: 60 * 60_000, firstAfterMs: 2_000 }, async () => {
    const started = Date.now();
    const r = await deriveInWorker({ location: getDb().location, timeZone: CITY_TIME_ZONE });
    if (r.checkpoints || r.weeks)
      console.log(
        `[sise] history views derived: ${r.checkpoints} monthly checkpoints, ${r.weeks} weeks, ${r.events} events read in ${Date.now() - started} ms`,
      );
  });
}
