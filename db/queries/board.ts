import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import { OPEN_STATUSES, type Colour } from "@/lib/domain/colours";
import type { Db } from "../client";
import { risks } from "../schema";

/** Open risks counted per area and colour (optionally in one region): the board's cells. */
export function listOpenColourCounts(db: Db, { regionId }: { regionId?: number } = {}) {
  return db
    .select({ areaId: risks.areaId, colour: risks.colour, n: count() })
    .from(risks)
    .where(and(inArray(risks.status, [...OPEN_STATUSES]), regionId ? eq(risks.regionId, regionId) : undefined))
    .groupBy(risks.areaId, risks.colour)
    .all() as Array<{ areaId: number; colour: Colour; n: number }>;
}
