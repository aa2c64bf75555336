import "server-only";
import { and, desc, gt, inArray, lte } from "drizzle-orm";
import type { Db } from "../client";
import { riskEvents, risks } from "../schema";

/** The newest events across the whole system (risks, accounts, settings), newest first. */
export function listRecentEvents(db: Db, { limit = 100 }: { limit?: number } = {}) {
  return db.select().from(riskEvents).orderBy(desc(riskEvents.seq)).limit(limit).all();
}

/** Risk codes for the risks a list of events names, so the list can link to them. */
export function mapRiskCodes(db: Db, riskIds: Array<number | null>): Map<number, string> {
  const ids = [...new Set(riskIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  return new Map(db.select({ id: risks.id, code: risks.code }).from(risks).where(inArray(risks.id, ids)).all().map((r) => [r.id, r.code]));
}

/** Gradings, new risks and status changes between two instants, newest first (the board's "changes since"). */
export function listBoardChanges(db: Db, { after, upto, limit = 200 }: { after: Date; upto: Date; limit?: number }) {
  return db
    .select()
    .from(riskEvents)
    .where(and(gt(riskEvents.at, after), lte(riskEvents.at, upto), inArray(riskEvents.action, ["create", "grade", "status", "reopen"])))
    .orderBy(desc(riskEvents.at), desc(riskEvents.seq))
    .limit(limit)
    .all();
}
