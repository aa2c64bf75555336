import "server-only";
import { boardFromCounts, type Board } from "@/lib/domain/board";
import type { Db } from "../store";
import { getBoardAlerts, getBoardVersion, listOpenCellCounts } from "./board";
import { headSeq } from "../history/append";

export type BoardSnapshot = {
  board: Board;
  alerts: Awaited<ReturnType<typeof getBoardAlerts>>;
  version: number;
};

/**
 * The present board with its alerts and version, computed once per change. Every write to a risk
 * appends to the history in the same transaction (db/mutations/risk-write.ts, risks.ts), so the
 * history's head sequence names the register's state; with the day (overdue reviews turn over at
 * midnight) it keys the snapshot. Between writes, every open board and meeting screen then costs one
 * primary-key lookup instead of three aggregate queries over all risks.
 * Reading the head before the counts means a write landing in between is at worst cached under the
 * older key and recomputed on the next request — never the other way round. Callers must not
 * mutate the board they are given: it is shared.
 * The computation itself is shared too: the viewers who arrive while it runs (at a province's
 * million risks it takes seconds) wait for the one under way instead of each starting another
 * GROUP BY over every risk; a failed one (the database away) is forgotten, so the next request asks
 * again.
 */
const memo = new WeakMap<object, { key: string; snapshot: Promise<BoardSnapshot> }>();

export async function presentBoard(db: Db, today: string): Promise<BoardSnapshot> {
  const key = `${await headSeq(db)}|${today}`;
  const hit = memo.get(db);
  if (hit?.key === key) return hit.snapshot;
  const entry = { key, snapshot: compute(db, today) };
  memo.set(db, entry);
  entry.snapshot.catch(() => {
    if (memo.get(db) === entry) memo.delete(db);
  });
  return entry.snapshot;
}

async function compute(db: Db, today: string): Promise<BoardSnapshot> {
  return {
    board: boardFromCounts(await listOpenCellCounts(db)),
    alerts: await getBoardAlerts(db, { today }),
    version: await getBoardVersion(db),
  };
}
