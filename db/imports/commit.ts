import "server-only";
import { inArray } from "drizzle-orm";
import { riskCodeOf } from "@/lib/domain/risk-code";
import type { ExistingRisk, ImportValues, PlannedRow } from "@/lib/domain/import-plan";
import type { Db } from "../store";
import { gradeRisk, reviewRisk } from "../mutations/grading";
import type { Actor } from "../mutations/events";
import { insertRisk, updateRiskDetails } from "../mutations/risks";
import { risks } from "../schema";

/** The risks an upload names, by code, as the plan needs them. */
export async function existingRisks(db: Db, codes: string[]): Promise<Map<string, ExistingRisk>> {
  const out = new Map<string, ExistingRisk>();
  // A code with a control character names no risk (and a NUL is no PostgreSQL text at all).
  codes = codes.filter((c) => riskCodeOf(c) !== null);
  for (let i = 0; i < codes.length; i += 500) {
    for (const r of await db
      .select()
      .from(risks)
      .where(inArray(risks.code, codes.slice(i, i + 500)))) {
      out.set(r.code, {
        id: r.id,
        version: r.version,
        code: r.code,
        title: r.title,
        description: r.description,
        areaId: r.areaId,
        regionId: r.regionId,
        colour: r.colour,
        status: r.status,
        responsibleUnitId: r.responsibleUnitId,
        responsiblePerson: r.responsiblePerson,
        coUnitIds: r.coUnitIds,
        nextReviewDate: r.nextReviewDate,
      });
    }
  }
  return out;
}

export class ImportConflict extends Error {
  constructor(readonly line: number) {
    super(`import conflict at line ${line}`);
  }
}

/**
 * Writes a plan without errors, all or nothing: one write transaction around the same writes the
 * forms make (each joins it), so every created or changed risk has
 * its ordinary history events — each naming the file in its reason, with the importer as the actor.
 * A risk that changed since the dry run (its version moved) aborts the whole import.
 */
export function commitImport(
  db: Db,
  plan: PlannedRow[],
  { actor, now, reason }: { actor: Actor; now: Date; reason: string },
): Promise<{ created: number; updated: number }> {
  return db.write(async () => {
    let [created, updated] = [0, 0];
    for (const row of plan) {
      if (row.action === "create") {
        await insertRisk(db, {
          input: { ...details(row.values), reason },
          assessment: direct(row.values),
          nextReviewDate: row.values.nextReviewDate,
          actor,
          now,
          year: Number(now.toISOString().slice(0, 4)),
        });
        created += 1;
      } else if (row.action === "update") {
        let version = row.version;
        const step = (r: { ok: true; version: number } | { ok: false }) => {
          if (!r.ok) throw new ImportConflict(row.line);
          version = r.version;
        };
        if (row.changes.some((c) => c !== "colour" && c !== "nextReviewDate")) {
          step(
            await updateRiskDetails(db, {
              riskId: row.riskId,
              expectedVersion: version,
              input: { ...details(row.values), reason },
              actor,
              now,
            }),
          );
        }
        if (row.changes.includes("colour")) {
          step(
            await gradeRisk(db, {
              riskId: row.riskId,
              expectedVersion: version,
              actor,
              now,
              assessment: direct(row.values),
              reason,
              nextReviewDate: row.values.nextReviewDate,
            }),
          );
        } else if (row.changes.includes("nextReviewDate")) {
          step(
            await reviewRisk(db, {
              riskId: row.riskId,
              expectedVersion: version,
              actor,
              now,
              note: reason,
              nextReviewDate: row.values.nextReviewDate,
            }),
          );
        }
        updated += 1;
      } else if (row.action === "error") {
        throw new Error("a plan with errors cannot be committed");
      }
    }
    return { created, updated };
  });
}

const details = (v: ImportValues) => ({
  title: v.title,
  description: v.description,
  areaId: v.areaId,
  regionId: v.regionId,
  responsibleUnitId: v.responsibleUnitId,
  responsiblePerson: v.responsiblePerson,
  coUnitIds: v.coUnitIds,
});
const direct = (v: ImportValues) => ({ method: "direct" as const, score: null, computed: null, colour: v.colour });
