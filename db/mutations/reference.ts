import "server-only";
import { eq } from "drizzle-orm";
import type { ReferenceTable } from "@/lib/validation/reference";
import type { Db } from "../store";
import { areas, regions, units } from "../schema";
import { appendEvent, type Actor } from "./events";

const TABLES = { areas, regions, units } as const;
const LEVEL_BELOW = { city: "county", county: "town", town: "village", village: "grid" } as const;

export type ReferenceWrite =
  { ok: true; id: number } | { ok: false; error: "codeTaken" | "notFound" | "badParent" | "kindRequired" };

/**
 * Adds a row at the end of its list (or at `sortOrder`, as the reference seed places its lists). A
 * region goes one level below its parent (city → county → town …); only the first region, the
 * city, has no parent. An area may name its lead unit.
 */
export function insertReference(
  db: Db,
  p: {
    table: ReferenceTable;
    values: {
      code: string;
      nameZh: string;
      nameEn: string;
      kind?: "category" | "domain";
      parentId?: number | null;
      leadUnitId?: number | null;
      sortOrder?: number;
    };
    actor: Actor;
    now: Date;
  },
): Promise<ReferenceWrite> {
  return db.write(async (tx) => {
    const t = TABLES[p.table];
    if ((await tx.select({ id: t.id }).from(t).where(eq(t.code, p.values.code)).limit(1))[0])
      return { ok: false as const, error: "codeTaken" as const };
    const sortOrder = p.values.sortOrder ?? ((await tx.$count(t)) + 1) * 10;
    const base = { code: p.values.code, nameZh: p.values.nameZh, nameEn: p.values.nameEn, sortOrder };
    let id: number;
    if (p.table === "areas") {
      if (!p.values.kind) return { ok: false as const, error: "kindRequired" as const };
      const [row] = await tx
        .insert(areas)
        .values({ ...base, kind: p.values.kind, leadUnitId: p.values.leadUnitId ?? null })
        .returning({ id: areas.id });
      id = row.id;
    } else if (p.table === "regions") {
      const parent = p.values.parentId
        ? (await tx.select({ level: regions.level }).from(regions).where(eq(regions.id, p.values.parentId)).limit(1))[0]
        : undefined;
      const isCity = !p.values.parentId && (await tx.$count(regions)) === 0;
      if (!isCity && (!parent || parent.level === "grid")) return { ok: false as const, error: "badParent" as const };
      const level = parent && parent.level !== "grid" ? LEVEL_BELOW[parent.level] : "city";
      const [row] = await tx
        .insert(regions)
        .values({ ...base, parentId: p.values.parentId ?? null, level })
        .returning({ id: regions.id });
      id = row.id;
    } else {
      // A unit may work at a division (a county's bureau, a town's office); none: the city's own level.
      const regionId = p.values.parentId ?? null;
      if (
        regionId !== null &&
        !(await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId)).limit(1))[0]
      )
        return { ok: false as const, error: "badParent" as const };
      id = (
        await tx
          .insert(units)
          .values({ ...base, regionId })
          .returning({ id: units.id })
      )[0].id;
    }
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "reference.create",
      newValue: p.values,
      data: { table: p.table, id },
    });
    return { ok: true as const, id };
  });
}

/** Renames a row; its code (what exports and risks match on) stays. */
export function renameReference(
  db: Db,
  p: { table: ReferenceTable; id: number; nameZh: string; nameEn: string; actor: Actor; now: Date },
): Promise<ReferenceWrite> {
  return db.write(async (tx) => {
    const t = TABLES[p.table];
    const row = (await tx.select({ nameZh: t.nameZh, nameEn: t.nameEn }).from(t).where(eq(t.id, p.id)).limit(1))[0];
    if (!row) return { ok: false as const, error: "notFound" as const };
    if (row.nameZh === p.nameZh && row.nameEn === p.nameEn) return { ok: true as const, id: p.id };
    await tx.update(t).set({ nameZh: p.nameZh, nameEn: p.nameEn }).where(eq(t.id, p.id));
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "reference.rename",
      oldValue: row,
      newValue: { nameZh: p.nameZh, nameEn: p.nameEn },
      data: { table: p.table, id: p.id },
    });
    return { ok: true as const, id: p.id };
  });
}

/** Retires or restores a row. Risks that point at a retired row keep it; new choices no longer offer it. */
export function setReferenceActive(
  db: Db,
  p: { table: ReferenceTable; id: number; active: boolean; actor: Actor; now: Date },
): Promise<ReferenceWrite> {
  return db.write(async (tx) => {
    const t = TABLES[p.table];
    const row = (await tx.select({ active: t.active }).from(t).where(eq(t.id, p.id)).limit(1))[0];
    if (!row) return { ok: false as const, error: "notFound" as const };
    if (row.active === p.active) return { ok: true as const, id: p.id };
    await tx.update(t).set({ active: p.active }).where(eq(t.id, p.id));
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: p.active ? "reference.reactivate" : "reference.deactivate",
      data: { table: p.table, id: p.id },
    });
    return { ok: true as const, id: p.id };
  });
}
