import "server-only";
import { and, desc, eq, gt, inArray, lte } from "drizzle-orm";
import { GENESIS } from "@/lib/domain/history-chain";
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
  return new Map(
    db
      .select({ id: risks.id, code: risks.code })
      .from(risks)
      .where(inArray(risks.id, ids))
      .all()
      .map((r) => [r.id, r.code]),
  );
}

/** Gradings, new risks and status changes between two instants, newest first (the board's "changes since"). */
export const CHANGES_COUNT_CAP = 1000;

export function listBoardChanges(db: Db, { after, upto, limit = 100 }: { after: Date; upto: Date; limit?: number }) {
  const where = and(
    gt(riskEvents.at, after),
    lte(riskEvents.at, upto),
    inArray(riskEvents.action, ["create", "grade", "status", "reopen"]),
  );
  const events = db
    .select()
    .from(riskEvents)
    .where(where)
    .orderBy(desc(riskEvents.at), desc(riskEvents.seq))
    .limit(limit)
    .all();
  // How many there were, not just how many are listed — counted up to a cap, so a long period costs
  // a bounded index walk (a month at 1,000,000 events held 100,000 changes: a full count took a second).
  const total =
    events.length < limit
      ? events.length
      : (db.$client
          .prepare(
            "SELECT count(*) FROM (SELECT 1 FROM risk_events WHERE at > ? AND at <= ? AND action IN ('create', 'grade', 'status', 'reopen') LIMIT ?)",
          )
          .pluck()
          .get(after.getTime(), upto.getTime(), CHANGES_COUNT_CAP) as number);
  return { events, total, capped: total >= CHANGES_COUNT_CAP };
}

/** The history's head — its last sequence number and hash — or seq 0 with the genesis hash when empty. */
export function getHistoryHead(db: Pick<Db, "select">): { seq: number; hash: string } {
  const row = db
    .select({ seq: riskEvents.seq, hash: riskEvents.hash })
    .from(riskEvents)
    .orderBy(desc(riskEvents.seq))
    .limit(1)
    .get();
  return row?.hash ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: GENESIS };
}

/** The stored hash of one event, by its sequence number. */
export function getEventHash(db: Db, seq: number): string | undefined {
  return db.select({ hash: riskEvents.hash }).from(riskEvents).where(eq(riskEvents.seq, seq)).get()?.hash ?? undefined;
}
