import "server-only";
import { hostname } from "node:os";
import { getDb } from "@/db/client";
import { claimScheduledRun } from "@/db/mutations/scheduled-runs";

/** This process among the instances sharing a database: host and process id. */
export const INSTANCE = `${hostname()}:${process.pid}`;

/**
 * Runs `job` in this server process every `everyMs` (first after `firstAfterMs`), but only after
 * claiming the run in the database: with several instances on one PostgreSQL database each run
 * happens once, on whichever instance claims it first (db/mutations/scheduled-runs.ts). The run
 * after a start is claimed for a minute only — instances started together run it once, and a
 * restarted server catches up at once rather than an interval later. One run at a time per
 * process; a failure is logged and the next interval tries again.
 */
export function every(name: string, p: { everyMs: number; firstAfterMs: number }, job: () => Promise<void>) {
  let running = false;
  const run = async (everyMs: number) => {
    if (running) return;
    running = true;
    try {
      if (await claimScheduledRun(getDb(), { name, everyMs, now: new Date(), instance: INSTANCE })) await job();
    } catch (e) {
      console.error(`[sise] ${name} failed:`, e instanceof Error ? e.message : e);
    } finally {
      running = false;
    }
  };
  setTimeout(() => void run(Math.min(60_000, p.everyMs)), p.firstAfterMs).unref();
  setInterval(() => void run(p.everyMs), p.everyMs).unref();
}
