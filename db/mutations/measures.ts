import "server-only";
import { and, eq } from "drizzle-orm";
import type { MeasureStatus } from "@/lib/domain/measures";
import type { Db } from "../client";
import { riskMeasures } from "../schema";
import type { Actor } from "./events";
import { changeRisk, type WriteResult } from "./risk-write";

export type MeasureInput = { description: string; owner: string; dueDate: string | null; status: MeasureStatus };
type Base = { riskId: number; expectedVersion: number; actor: Actor; now: Date };
const FIELDS = ["description", "owner", "dueDate", "status"] as const;

/** Adds a control measure; the risk's version moves on, so measures obey the same no-lost-update rule. */
export function addMeasure(db: Db, p: Base & { measure: MeasureInput }): WriteResult {
  return changeRisk(db, p, (_risk, tx) => {
    const { id } = tx
      .insert(riskMeasures)
      .values({ riskId: p.riskId, ...p.measure, createdAt: p.now, updatedAt: p.now })
      .returning({ id: riskMeasures.id })
      .get();
    return { events: [{ action: "measure.add", newValue: p.measure, data: { measureId: id } }] };
  });
}

/** Changes a measure (text, owner, due day, status); each changed field is its own event. */
export function updateMeasure(db: Db, p: Base & { measureId: number; measure: MeasureInput }): WriteResult {
  return changeRisk(db, p, (_risk, tx) => {
    const current = tx
      .select()
      .from(riskMeasures)
      .where(and(eq(riskMeasures.id, p.measureId), eq(riskMeasures.riskId, p.riskId)))
      .get();
    if (!current) return { error: "measureNotFound" };
    const changed = FIELDS.filter((f) => current[f] !== p.measure[f]);
    if (changed.length === 0) return { error: "noChange" };
    tx.update(riskMeasures)
      .set({ ...p.measure, updatedAt: p.now })
      .where(eq(riskMeasures.id, p.measureId))
      .run();
    return {
      events: changed.map((f) => ({
        action: "measure.update",
        field: f,
        oldValue: current[f],
        newValue: p.measure[f],
        data: { measureId: p.measureId, description: current.description },
      })),
    };
  });
}
