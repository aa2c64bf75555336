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
export const CHANGES_COUNT_CAP = 1000;

export function listBoardChanges(db: Db, { after, upto, limit = 100 }: { after: Date; upto: Date; limit?: number }) {
  const where = and(gt(riskEvents.at, after), lte(riskEvents.at, upto), inArray(riskEvents.action, ["create", "grade", "status", "reopen"]));
  const events = db.select().from(riskEvents).where(where).orderBy(desc(riskEvents.at), desc(riskEvents.seq)).limit(limit).all();
  // How many there were, not just how many are listed — counted up to a cap, so a long period costs
  // a bounded index walk (a month at 1,000,000 events held 100,000 changes: a full count took a second).
  const total = events.length < limit ? events.length : db.$client
    .prepare("SELECT count(*) FROM (SELECT 1 FROM risk_events WHERE at > ? AND at <= ? AND action IN ('create', 'grade', 'status', 'reopen') LIMIT ?)")
    .pluck().get(after.getTime(), upto.getTime(), CHANGES_COUNT_CAP) as number;
  return { events, total, capped: total >= CHANGES_COUNT_CAP };
}
