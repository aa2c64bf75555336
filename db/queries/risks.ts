import "server-only";
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import { riskCodeOf } from "@/lib/domain/risk-code";
import type { Db } from "../store";
import { areas, regions, riskEvents, riskMeasures, risks, units } from "../schema";

/** A risk with its area, region and unit names in both languages, or undefined. */
export async function getRiskByCode(db: Db, { code }: { code: string }) {
  return (
    await db
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
      .limit(1)
  )[0];
}

/** A risk's history, newest first. */
export async function listRiskEvents(db: Db, { riskId, limit = 200 }: { riskId: number; limit?: number }) {
  return await db
    .select()
    .from(riskEvents)
    .where(eq(riskEvents.riskId, riskId))
    .orderBy(desc(riskEvents.seq))
    .limit(limit);
}

export type RiskDetail = NonNullable<Awaited<ReturnType<typeof getRiskByCode>>>;

/** What happened to a risk after the version a user's form was loaded at (for a conflict message). */
export async function listRiskEventsSince(db: Db, { riskId, version }: { riskId: number; version: number }) {
  return await db
    .select()
    .from(riskEvents)
    .where(and(eq(riskEvents.riskId, riskId), gt(riskEvents.riskVersion, version)))
    .orderBy(asc(riskEvents.seq))
    .limit(20);
}

/** A risk's control measures, oldest first. */
export async function listMeasures(db: Db, { riskId }: { riskId: number }) {
  return await db.select().from(riskMeasures).where(eq(riskMeasures.riskId, riskId)).orderBy(asc(riskMeasures.id));
}

/** Risk ids by code, for forms that name risks by their code (unknown codes are simply absent). */
export async function mapRiskIdsByCode(db: Db, codes: string[]): Promise<Map<string, number>> {
  // A code with a control character names no risk (and a NUL is no PostgreSQL text at all).
  const unique = [...new Set(codes.filter((c) => riskCodeOf(c) !== null))];
  if (unique.length === 0) return new Map();
  return new Map(
    (await db.select({ id: risks.id, code: risks.code }).from(risks).where(inArray(risks.code, unique))).map((r) => [
      r.code,
      r.id,
    ]),
  );
}

/** How many risks the register holds, in every state. */
export function countRisks(db: Db): Promise<number> {
  return db.$count(risks);
}

/** A risk's code and title by id (a hazard's page links to its risk). */
export async function getRiskCodeAndTitle(db: Db, id: number): Promise<{ code: string; title: string } | undefined> {
  const [row] = await db.select({ code: risks.code, title: risks.title }).from(risks).where(eq(risks.id, id)).limit(1);
  return row;
}
