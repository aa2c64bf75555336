import "server-only";
import { creationOrder, type ExistingDivision, type PlannedDivision } from "@/lib/domain/division-plan";
import type { Db } from "../store";
import type { Actor } from "../mutations/events";
import { insertReference, renameReference, setReferenceActive } from "../mutations/reference";
import { loadTerritory } from "../queries/territory";

/** A division list the plan was made against changed before it was written: nothing is written. */
export class DivisionImportConflict extends Error {
  constructor(readonly line: number) {
    super(`division import: line ${line} no longer applies`);
  }
}

/** The divisions Sise has, by code, with their parents' codes: what a division list is planned against. */
export async function existingDivisions(db: Db): Promise<Map<string, ExistingDivision>> {
  const t = await loadTerritory(db);
  return new Map(
    [...t.byId.values()].map((d) => [
      d.code,
      {
        id: d.id,
        code: d.code,
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        level: d.level,
        parentCode: d.parentId === null ? null : (t.byId.get(d.parentId)?.code ?? null),
        active: d.active,
      },
    ]),
  );
}

/**
 * Writes a planned division list in one transaction, through the admin's own mutations (each change
 * its event in the history): new divisions parents first, then renames and retirements. A row whose
 * division appeared or vanished meanwhile aborts the whole import.
 */
export function commitDivisionImport(
  db: Db,
  plan: ReadonlyArray<PlannedDivision>,
  p: { actor: Actor; now: Date },
): Promise<{ created: number; renamed: number; retired: number; restored: number }> {
  return db.write(async () => {
    const ids = new Map([...(await existingDivisions(db)).values()].map((d) => [d.code, d.id]));
    const done = { created: 0, renamed: 0, retired: 0, restored: 0 };
    for (const r of creationOrder(plan)) {
      const parentId = ids.get(r.values.parentCode);
      if (parentId === undefined || ids.has(r.code)) throw new DivisionImportConflict(r.line);
      const added = await insertReference(db, {
        table: "regions",
        values: { code: r.code, nameZh: r.values.nameZh, nameEn: r.values.nameEn, parentId },
        actor: p.actor,
        now: p.now,
      });
      if (!added.ok) throw new DivisionImportConflict(r.line);
      ids.set(r.code, added.id);
      done.created += 1;
    }
    for (const r of plan) {
      if (r.action !== "update") continue;
      if (r.rename) {
        const renamed = await renameReference(db, { table: "regions", id: r.id, ...r.rename, ...p });
        if (!renamed.ok) throw new DivisionImportConflict(r.line);
        done.renamed += 1;
      }
      if (r.active !== undefined) {
        const set = await setReferenceActive(db, { table: "regions", id: r.id, active: r.active, ...p });
        if (!set.ok) throw new DivisionImportConflict(r.line);
        done[r.active ? "restored" : "retired"] += 1;
      }
    }
    return done;
  });
}
