import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../store";
import { scheduledRuns } from "../schema";

/**
 * Claims one run of a piece of scheduled work for this instance: true when no instance has started
 * it within the last `everyMs` (less a tenth, so instances whose timers drift apart still take turns
 * instead of skipping a whole interval), false when another one has. Writes are serialised on both
 * stores (the SQLite writer; PostgreSQL's write lock), so of several instances asking at the same
 * moment exactly one is told yes. An instance that dies mid-run leaves its claim to expire.
 */
export function claimScheduledRun(
  db: Db,
  p: { name: string; everyMs: number; now: Date; instance: string },
): Promise<boolean> {
  return db.write(async (tx) => {
    const [last] = await tx
      .select({ startedAt: scheduledRuns.startedAt })
      .from(scheduledRuns)
      .where(eq(scheduledRuns.name, p.name));
    if (last && p.now.getTime() - last.startedAt.getTime() < p.everyMs * 0.9) return false;
    await tx
      .insert(scheduledRuns)
      .values({ name: p.name, startedAt: p.now, instance: p.instance })
      .onConflictDoUpdate({ target: scheduledRuns.name, set: { startedAt: p.now, instance: p.instance } });
    return true;
  });
}
