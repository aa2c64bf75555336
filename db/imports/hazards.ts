import "server-only";
import { inArray } from "drizzle-orm";
import type { PlannedHazardRow } from "@/lib/domain/hazard-import";
import { insertHazard } from "../mutations/hazards";
import type { Actor } from "../mutations/events";
import { hazards, inspections, risks } from "../schema";
import type { Db } from "../store";

/** Which of these codes are recorded hazards, risks, and planned inspections (500 at a time). */
export async function hazardImportLookups(
  db: Db,
  p: { hazardCodes: string[]; riskCodes: string[]; inspectionCodes: string[] },
) {
  const inBatches = async <T>(codes: string[], read: (batch: string[]) => Promise<T[]>) => {
    const out: T[] = [];
    const unique = [...new Set(codes.filter((c) => c.length <= 64))];
    for (let i = 0; i < unique.length; i += 500) out.push(...(await read(unique.slice(i, i + 500))));
    return out;
  };
  const existing = await inBatches(p.hazardCodes, (b) =>
    db.select({ code: hazards.code }).from(hazards).where(inArray(hazards.code, b)),
  );
  const riskRows = await inBatches(p.riskCodes, (b) =>
    db.select({ id: risks.id, code: risks.code }).from(risks).where(inArray(risks.code, b)),
  );
  const inspectionRows = await inBatches(p.inspectionCodes, (b) =>
    db
      .select({ id: inspections.id, code: inspections.code, status: inspections.status })
      .from(inspections)
      .where(inArray(inspections.code, b)),
  );
  return {
    existingCodes: new Set(existing.map((r) => r.code)),
    riskIdByCode: new Map(riskRows.map((r) => [r.code, r.id])),
    inspectionIdByCode: new Map(inspectionRows.filter((r) => r.status === "planned").map((r) => [r.code, r.id])),
  };
}

/**
 * Writes an import's planned hazards in one transaction (each with its code and its
 * "hazard.create" event, the file named as the reason): all or nothing.
 */
export function commitHazardImport(
  db: Db,
  plan: PlannedHazardRow[],
  p: { actor: Actor; now: Date; year: number; reason: string },
): Promise<{ created: number }> {
  return db.write(async () => {
    let created = 0;
    for (const row of plan) {
      if (row.action !== "create") continue;
      await insertHazard(db, { input: row.values, actor: p.actor, now: p.now, year: p.year, reason: p.reason });
      created += 1;
    }
    return { created };
  });
}
