import "server-only";
import { and, eq } from "drizzle-orm";
import { planMeasureUpdate, type MeasureFields } from "@/lib/domain/measures";
import type { Db } from "../store";
import { riskMeasures } from "../schema";
import type { Actor } from "./events";
import { changeRisk, type WriteResult } from "./risk-write";

export type MeasureInput = MeasureFields;
type Base = { riskId: number; expectedVersion: number; actor: Actor; now: Date };

/** Adds a control measure; the risk's version moves on, so measures obey the same no-lost-update rule. */
export function addMeasure(db: Db, p: Base & { measure: MeasureInput }): Promise<WriteResult> {
  return changeRisk(db, p, async (_risk, tx) => {
    const [{ id }] = await tx
      .insert(riskMeasures)
      .values({ riskId: p.riskId, ...p.measure, createdAt: p.now, updatedAt: p.now })
      .returning({ id: riskMeasures.id });
    return { events: [{ action: "measure.add", newValue: p.measure, data: { measureId: id } }] };
  });
}

/** Changes a measure (text, owner, due day, status); each changed field is its own event. */
export function updateMeasure(db: Db, p: Base & { measureId: number; measure: MeasureInput }): Promise<WriteResult> {
  return changeRisk(db, p, async (_risk, tx) => {
    const [current] = await tx
      .select()
      .from(riskMeasures)
      .where(and(eq(riskMeasures.id, p.measureId), eq(riskMeasures.riskId, p.riskId)))
      .limit(1);
    const plan = planMeasureUpdate(current, p.measure);
    if ("error" in plan) return plan;
    await tx
      .update(riskMeasures)
      .set({ ...p.measure, updatedAt: p.now })
      .where(eq(riskMeasures.id, p.measureId));
    return {
      events: plan.changed.map((f) => ({
        action: "measure.update",
        field: f,
        oldValue: current![f],
        newValue: p.measure[f],
        data: { measureId: p.measureId, description: current!.description },
      })),
    };
  });
}
