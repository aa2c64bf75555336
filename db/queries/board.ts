import "server-only";
import { and, count, eq, inArray, isNotNull, lt, max } from "drizzle-orm";
import { OPEN_STATUSES } from "@/lib/domain/colours";
import type { CellCount } from "@/lib/domain/board";
import type { Db } from "../client";
import { risks } from "../schema";

const open = inArray(risks.status, [...OPEN_STATUSES]);

/** Open risks counted per area, region and colour: the board's cells (at most areas × regions × 4 rows). */
export function listOpenCellCounts(db: Db): CellCount[] {
  return db
    .select({ areaId: risks.areaId, regionId: risks.regionId, colour: risks.colour, n: count() })
    .from(risks)
    .where(open)
    .groupBy(risks.areaId, risks.regionId, risks.colour)
    .all();
}

/** The board's summary strip beyond the colour totals: reds awaiting a leader, and overdue reviews. */
export function getBoardAlerts(db: Db, { today }: { today: string }) {
  const n = (where: ReturnType<typeof and>) => db.select({ n: count() }).from(risks).where(where).get()?.n ?? 0;
  return {
    awaitingAck: n(and(open, eq(risks.ackPending, true))),
    overdue: n(and(open, lt(risks.nextReviewDate, today))),
  };
}

/** Changes whenever a risk is created or changed: every write sets the risk's updated_at (indexed). */
export function getBoardVersion(db: Db): number {
  return (
    db
      .select({ v: max(risks.updatedAt) })
      .from(risks)
      .get()
      ?.v?.getTime() ?? 0
  );
}

/** Open risks graded by the risk matrix, counted per likelihood × severity (the matrix view). */
export function listOpenMatrixCounts(db: Db): Array<{ likelihood: number; severity: number; n: number }> {
  return db
    .select({ likelihood: risks.matrixL, severity: risks.matrixS, n: count() })
    .from(risks)
    .where(and(isNotNull(risks.matrixL), isNotNull(risks.matrixS), open))
    .groupBy(risks.matrixL, risks.matrixS)
    .all() as Array<{ likelihood: number; severity: number; n: number }>;
}
