import "server-only";
import { and, count, eq, inArray, isNotNull, lt, max } from "drizzle-orm";
import { OPEN_STATUSES } from "@/lib/domain/colours";
import type { CellCount } from "@/lib/domain/board";
import type { Db } from "../store";
import { risks } from "../schema";

const open = inArray(risks.status, [...OPEN_STATUSES]);

/** Open risks counted per area, region and colour: the board's cells (at most areas × regions × 4 rows). */
export async function listOpenCellCounts(db: Db): Promise<CellCount[]> {
  return await db
    .select({ areaId: risks.areaId, regionId: risks.regionId, colour: risks.colour, n: count() })
    .from(risks)
    .where(open)
    .groupBy(risks.areaId, risks.regionId, risks.colour);
}

/**
 * The board's summary strip beyond the colour totals: reds awaiting a leader, and overdue reviews —
 * of the whole register, or of the divisions given (a county's board: the county and all below it).
 */
export async function getBoardAlerts(db: Db, { today, regionIds }: { today: string; regionIds?: number[] }) {
  const where = regionIds ? inArray(risks.regionId, regionIds) : undefined;
  return {
    awaitingAck: await db.$count(risks, and(open, eq(risks.ackPending, true), where)),
    overdue: await db.$count(risks, and(open, lt(risks.nextReviewDate, today), where)),
  };
}

/** Changes whenever a risk is created or changed: every write sets the risk's updated_at (indexed). */
export async function getBoardVersion(db: Db): Promise<number> {
  const [row] = await db.select({ v: max(risks.updatedAt) }).from(risks);
  return row?.v?.getTime() ?? 0;
}

/**
 * Open risks graded by the risk matrix, counted per likelihood × severity (the matrix view) — of the
 * whole register, or of the divisions given (a county's board: the county and all below it).
 */
export async function listOpenMatrixCounts(
  db: Db,
  { regionIds }: { regionIds?: number[] } = {},
): Promise<Array<{ likelihood: number; severity: number; n: number }>> {
  return (await db
    .select({ likelihood: risks.matrixL, severity: risks.matrixS, n: count() })
    .from(risks)
    .where(
      and(
        isNotNull(risks.matrixL),
        isNotNull(risks.matrixS),
        open,
        regionIds ? inArray(risks.regionId, regionIds) : undefined,
      ),
    )
    .groupBy(risks.matrixL, risks.matrixS)) as Array<{ likelihood: number; severity: number; n: number }>;
}
