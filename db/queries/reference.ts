import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../store";
import { areas, regions, units } from "../schema";

/** Reference lists for filters and forms: small, so they are read whole and in display order. */
export async function listAreas(db: Db, opts: { activeOnly?: boolean } = {}) {
  return await db
    .select({
      id: areas.id,
      kind: areas.kind,
      code: areas.code,
      nameZh: areas.nameZh,
      nameEn: areas.nameEn,
      active: areas.active,
    })
    .from(areas)
    .where(opts.activeOnly ? eq(areas.active, true) : undefined)
    .orderBy(asc(areas.kind), asc(areas.sortOrder));
}

export async function listRegions(db: Db, opts: { activeOnly?: boolean } = {}) {
  return await db
    .select({
      id: regions.id,
      code: regions.code,
      level: regions.level,
      nameZh: regions.nameZh,
      nameEn: regions.nameEn,
      active: regions.active,
    })
    .from(regions)
    .where(opts.activeOnly ? eq(regions.active, true) : undefined)
    .orderBy(asc(regions.sortOrder));
}

export async function listUnits(db: Db, opts: { activeOnly?: boolean } = {}) {
  return await db
    .select({ id: units.id, code: units.code, nameZh: units.nameZh, nameEn: units.nameEn, active: units.active })
    .from(units)
    .where(opts.activeOnly ? eq(units.active, true) : undefined)
    .orderBy(asc(units.sortOrder));
}

/** Which of the referenced rows exist and are active — a form may only point at those. */
export async function checkReferences(db: Db, ids: { areaId: number; regionId: number; unitId: number }) {
  const found = async (table: typeof areas | typeof regions | typeof units, id: number) =>
    (
      await db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.id, id), eq(table.active, true)))
        .limit(1)
    ).length > 0;
  // One after another: inside a write they share the transaction's one connection.
  return {
    area: await found(areas, ids.areaId),
    region: await found(regions, ids.regionId),
    unit: await found(units, ids.unitId),
  };
}

/** Every unit, region and area by code, active or not: what the reference seed matches on. */
export async function listAllReference(db: Pick<Db, "select">) {
  const codes = <T extends typeof areas | typeof regions | typeof units>(t: T) =>
    db.select({ id: t.id, code: t.code }).from(t);
  return { units: await codes(units), regions: await codes(regions), areas: await codes(areas) };
}

export type AreaOption = Awaited<ReturnType<typeof listAreas>>[number];
export type RegionOption = Awaited<ReturnType<typeof listRegions>>[number];
export type UnitOption = Awaited<ReturnType<typeof listUnits>>[number];

/** True when every id names an active row: scopes may only list areas and regions in use. */
export async function allActive(
  db: Db,
  { table, ids }: { table: "areas" | "regions" | "units"; ids: number[] },
): Promise<boolean> {
  if (ids.length === 0) return true;
  const t = { areas, regions, units }[table];
  const found = await db
    .select({ id: t.id })
    .from(t)
    .where(and(inArray(t.id, [...new Set(ids)]), eq(t.active, true)));
  return found.length === new Set(ids).size;
}

/** An active unit by id, or undefined: a form may only name units in use. */
export async function getUnitIfActive(db: Db, id: number) {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, id), eq(units.active, true)))
    .limit(1);
  return row;
}
