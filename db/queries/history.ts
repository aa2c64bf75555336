import "server-only";
import { desc } from "drizzle-orm";
import type { Db } from "../client";
import { riskEvents } from "../schema";

/** The newest events across the whole system (risks, accounts, settings), newest first. */
export function listRecentEvents(db: Db, { limit = 100 }: { limit?: number } = {}) {
  return db.select().from(riskEvents).orderBy(desc(riskEvents.seq)).limit(limit).all();
}
