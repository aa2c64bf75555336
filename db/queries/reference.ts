import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { areas, regions, units } from "../schema";

/** Reference lists for filters and forms: small, so they are read whole and in display order. */
export function listAreas(db: Db, opts: { activeOnly?: boolean } = {}) {
  return db
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
    .orderBy(asc(areas.kind), asc(areas.sortOrder))
    .all();
}

export function listRegions(db: Db, opts: { activeOnly?: boolean } = {}) {
  return db
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
    .orderBy(asc(regions.sortOrder))
    .all();
}

export function listUnits(db: Db, opts: { activeOnly?: boolean } = {}) {
  return db
    .select({ id: units.id, code: units.code, nameZh: units.nameZh, nameEn: units.nameEn, active: units.active })
    .from(units)
    .where(opts.activeOnly ? eq(units.active, true) : undefined)
    .orderBy(asc(units.sortOrder))
    .all();
}

/** Which of the referenced rows exist and are active — a form may only point at those. */
export function checkReferences(db: Db, ids: { areaId: number; regionId: number; unitId: number }) {
  const found = (table: typeof areas | typeof regions | typeof units, id: number) =>
    db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, id), eq(table.active, true)))
      .get() !== undefined;
  return { area: found(areas, ids.areaId), region: found(regions, ids.regionId), unit: found(units, ids.unitId) };
}

export type AreaOption = ReturnType<typeof listAreas>[number];
export type RegionOption = ReturnType<typeof listRegions>[number];
export type UnitOption = ReturnType<typeof listUnits>[number];

/** True when every id names an active row: scopes may only list areas and regions in use. */
export function allActive(db: Db, { table, ids }: { table: "areas" | "regions" | "units"; ids: number[] }): boolean {
  if (ids.length === 0) return true;
  const t = { areas, regions, units }[table];
  const found = db
    .select({ id: t.id })
    .from(t)
    .where(and(inArray(t.id, [...new Set(ids)]), eq(t.active, true)))
    .all();
  return found.length === new Set(ids).size;
}
