import "server-only";
import { eq } from "drizzle-orm";
import type { ReferenceTable } from "@/lib/validation/reference";
import type { Db } from "../client";
import { areas, regions, units } from "../schema";
import { appendEvent, writeTransaction, type Actor } from "./events";

const TABLES = { areas, regions, units } as const;
const LEVEL_BELOW = { city: "county", county: "town", town: "village", village: "grid" } as const;

export type ReferenceWrite =
  { ok: true; id: number } | { ok: false; error: "codeTaken" | "notFound" | "badParent" | "kindRequired" };

/** Adds a row at the end of its list. A region goes one level below its parent (city → county → town …). */
export function insertReference(
  db: Db,
  p: {
    table: ReferenceTable;
    values: { code: string; nameZh: string; nameEn: string; kind?: "category" | "domain"; parentId?: number | null };
    actor: Actor;
    now: Date;
  },
): ReferenceWrite {
  return writeTransaction(db, (tx) => {
    const t = TABLES[p.table];
    if (tx.select({ id: t.id }).from(t).where(eq(t.code, p.values.code)).get())
      return { ok: false as const, error: "codeTaken" as const };
    const sortOrder = (tx.select({ id: t.id }).from(t).all().length + 1) * 10;
    const base = { code: p.values.code, nameZh: p.values.nameZh, nameEn: p.values.nameEn, sortOrder };
    let id: number;
    if (p.table === "areas") {
      if (!p.values.kind) return { ok: false as const, error: "kindRequired" as const };
      id = tx
        .insert(areas)
        .values({ ...base, kind: p.values.kind })
        .returning({ id: areas.id })
        .get().id;
    } else if (p.table === "regions") {
      const parent = p.values.parentId
        ? tx.select({ level: regions.level }).from(regions).where(eq(regions.id, p.values.parentId)).get()
        : undefined;
      if (!parent || parent.level === "grid") return { ok: false as const, error: "badParent" as const };
      id = tx
        .insert(regions)
        .values({ ...base, parentId: p.values.parentId, level: LEVEL_BELOW[parent.level] })
        .returning({ id: regions.id })
        .get().id;
    } else {
      id = tx.insert(units).values(base).returning({ id: units.id }).get().id;
    }
    appendEvent(tx, {
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
): ReferenceWrite {
  return writeTransaction(db, (tx) => {
    const t = TABLES[p.table];
    const row = tx.select({ nameZh: t.nameZh, nameEn: t.nameEn }).from(t).where(eq(t.id, p.id)).get();
    if (!row) return { ok: false as const, error: "notFound" as const };
    if (row.nameZh === p.nameZh && row.nameEn === p.nameEn) return { ok: true as const, id: p.id };
    tx.update(t).set({ nameZh: p.nameZh, nameEn: p.nameEn }).where(eq(t.id, p.id)).run();
    appendEvent(tx, {
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
): ReferenceWrite {
  return writeTransaction(db, (tx) => {
    const t = TABLES[p.table];
    const row = tx.select({ active: t.active }).from(t).where(eq(t.id, p.id)).get();
    if (!row) return { ok: false as const, error: "notFound" as const };
    if (row.active === p.active) return { ok: true as const, id: p.id };
    tx.update(t).set({ active: p.active }).where(eq(t.id, p.id)).run();
    appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: p.active ? "reference.reactivate" : "reference.deactivate",
      data: { table: p.table, id: p.id },
    });
    return { ok: true as const, id: p.id };
  });
}
