import "server-only";
import { and, count, desc, gt, inArray, lte } from "drizzle-orm";
import { GENESIS } from "@/lib/domain/history-chain";
import type { Db } from "../store";
import { riskEvents, risks } from "../schema";

/** The newest events across the whole system (risks, accounts, settings), newest first. */
export async function listRecentEvents(db: Db, { limit = 100 }: { limit?: number } = {}) {
  return await db.select().from(riskEvents).orderBy(desc(riskEvents.seq)).limit(limit);
}

/** Risk codes for the risks a list of events names, so the list can link to them. */
export async function mapRiskCodes(db: Db, riskIds: Array<number | null>): Promise<Map<number, string>> {
  const ids = [...new Set(riskIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  return new Map(
    (await db.select({ id: risks.id, code: risks.code }).from(risks).where(inArray(risks.id, ids))).map((r) => [
      r.id,
      r.code,
    ]),
  );
}

/** Gradings, new risks and status changes between two instants, newest first (the board's "changes since"). */
export const CHANGES_COUNT_CAP = 1000;

export async function listBoardChanges(
  db: Db,
  { after, upto, limit = 100, regionIds }: { after: Date; upto: Date; limit?: number; regionIds?: number[] },
) {
  const where = and(
    gt(riskEvents.at, after),
    lte(riskEvents.at, upto),
    inArray(riskEvents.action, ["create", "grade", "status", "reopen"]),
    // A division's board lists the changes of the risks registered in it or below it.
    regionIds
      ? inArray(riskEvents.riskId, db.select({ id: risks.id }).from(risks).where(inArray(risks.regionId, regionIds)))
      : undefined,
  );
  const events = await db
    .select()
    .from(riskEvents)
    .where(where)
    .orderBy(desc(riskEvents.at), desc(riskEvents.seq))
    .limit(limit);
  // How many there were, not just how many are listed — counted up to a cap, so a long period costs
  // a bounded index walk (a month at 1,000,000 events held 100,000 changes: a full count took a second).
  const firstOnes = db
    .select({ seq: riskEvents.seq })
    .from(riskEvents)
    .where(where)
    .limit(CHANGES_COUNT_CAP)
    .as("first");
  const total = events.length < limit ? events.length : (await db.select({ n: count() }).from(firstOnes))[0].n;
  return { events, total, capped: total >= CHANGES_COUNT_CAP };
}

/** The history's head — its last sequence number and hash — or seq 0 with the genesis hash when empty. */
export async function getHistoryHead(db: Pick<Db, "select">): Promise<{ seq: number; hash: string }> {
  const row = (
    await db
      .select({ seq: riskEvents.seq, hash: riskEvents.hash })
      .from(riskEvents)
      .orderBy(desc(riskEvents.seq))
      .limit(1)
  )[0];
  return row?.hash ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: GENESIS };
}

/** The stored hashes of some events, by sequence number (missing ones are absent). */
export async function mapEventHashes(db: Pick<Db, "select">, seqs: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const unique = [...new Set(seqs)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .select({ seq: riskEvents.seq, hash: riskEvents.hash })
      .from(riskEvents)
      .where(inArray(riskEvents.seq, unique.slice(i, i + 500)));
    for (const r of rows) if (r.hash) out.set(r.seq, r.hash);
  }
  return out;
}

/** How many events the history holds. */
export function countEvents(db: Db): Promise<number> {
  return db.$count(riskEvents);
}
