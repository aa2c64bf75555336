import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { areas, regions, riskEvents, risks, units } from "../schema";

/** A risk with its area, region and unit names in both languages, or undefined. */
export function getRiskByCode(db: Db, { code }: { code: string }) {
  return db
    .select({
      risk: risks,
      area: { id: areas.id, kind: areas.kind, nameZh: areas.nameZh, nameEn: areas.nameEn },
      region: { id: regions.id, nameZh: regions.nameZh, nameEn: regions.nameEn },
      unit: { id: units.id, nameZh: units.nameZh, nameEn: units.nameEn },
    })
    .from(risks)
    .innerJoin(areas, eq(areas.id, risks.areaId))
    .innerJoin(regions, eq(regions.id, risks.regionId))
    .innerJoin(units, eq(units.id, risks.responsibleUnitId))
    .where(eq(risks.code, code))
    .get();
}

/** A risk's history, newest first. */
export function listRiskEvents(db: Db, { riskId, limit = 200 }: { riskId: number; limit?: number }) {
  return db
    .select()
    .from(riskEvents)
    .where(eq(riskEvents.riskId, riskId))
    .orderBy(desc(riskEvents.seq))
    .limit(limit)
    .all();
}

export type RiskDetail = NonNullable<ReturnType<typeof getRiskByCode>>;
