import "server-only";
import { and, count, eq } from "drizzle-orm";
import { planInspectionDone, type HazardRefusal } from "@/lib/domain/hazards";
import type { Db } from "../store";
import { hazards, inspections } from "../schema";
import { nextCode } from "./codes";
import { appendEvent, type Actor } from "./events";

/** Inspection codes: PC-YEAR-NNNNN (排查), numbered per year. */
export const INSPECTION_CODE_PREFIX = "PC";

export type InspectionInput = {
  title: string;
  campaign: string;
  unitId: number;
  areaId: number | null;
  regionId: number;
  /** Calendar days (YYYY-MM-DD, city time). */
  plannedFrom: string;
  plannedTo: string;
  inspectors: string;
};

/** Plans an inspection and records its "inspection.create" event in one transaction. */
export function insertInspection(
  db: Db,
  p: { input: InspectionInput; actor: Actor; now: Date; year: number },
): Promise<{ id: number; code: string }> {
  return db.write(async (tx) => {
    const code = await nextCode(tx, {
      table: inspections,
      column: inspections.code,
      prefix: INSPECTION_CODE_PREFIX,
      year: p.year,
    });
    const [row] = await tx
      .insert(inspections)
      .values({ ...p.input, code, status: "planned", createdAt: p.now, updatedAt: p.now })
      .returning({ id: inspections.id });
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "inspection.create",
      field: "inspection",
      newValue: { ...p.input, code },
      data: { inspectionId: row.id, code, version: 1 },
    });
    return { id: row.id, code };
  });
}

/**
 * Ends an inspection (lib/domain/hazards.ts `planInspectionDone`): with the hazards recorded
 * against it, or with "nothing found" — counted inside the same transaction, so a hazard recorded
 * meanwhile cannot slip past the rule. A stale version or a refusal writes nothing.
 */
export function completeInspection(
  db: Db,
  p: {
    inspectionId: number;
    expectedVersion: number;
    nothingFound: boolean;
    doneOn: string;
    today: string;
    actor: Actor;
    now: Date;
  },
): Promise<
  | { ok: true; version: number }
  | { ok: false; error: "notFound" | "conflict" | HazardRefusal["error"]; currentVersion?: number }
> {
  return db.write(async (tx) => {
    const [row] = await tx.select().from(inspections).where(eq(inspections.id, p.inspectionId)).limit(1);
    if (!row) return { ok: false, error: "notFound" } as const;
    if (row.version !== p.expectedVersion)
      return { ok: false, error: "conflict", currentVersion: row.version } as const;
    const [{ n }] = await tx.select({ n: count() }).from(hazards).where(eq(hazards.inspectionId, row.id));
    const planned = planInspectionDone(
      { status: row.status, hazardsFound: Number(n) },
      { nothingFound: p.nothingFound, doneOn: p.doneOn, today: p.today },
    );
    if ("error" in planned) return { ok: false, error: planned.error, currentVersion: row.version } as const;
    const version = row.version + 1;
    await tx
      .update(inspections)
      .set({ ...planned.set, version, updatedAt: p.now })
      .where(and(eq(inspections.id, row.id), eq(inspections.version, p.expectedVersion)));
    for (const e of planned.events)
      await appendEvent(tx, {
        ...e,
        at: p.now,
        actor: p.actor,
        data: { inspectionId: row.id, code: row.code, version, hazardsFound: Number(n) },
      });
    return { ok: true, version } as const;
  });
}
