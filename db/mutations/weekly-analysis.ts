import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../store";
import { weeklyAnalyses } from "../schema";
import { appendEvent, type Actor } from "./events";

export type ConclusionsWrite = { ok: true; changed: boolean } | { ok: false; error: "conflict" };

/**
 * Saves the risk office's conclusions on a week, from the version the writer saw (0: none yet), so
 * two officers writing at once never overwrite each other silently. Old and new text go to the history.
 */
export function saveConclusions(
  db: Db,
  p: { monday: string; text: string; expectedVersion: number; actor: Actor & { id: number }; now: Date },
): Promise<ConclusionsWrite> {
  return db.write(async (tx) => {
    const row = (
      await tx
        .select({ text: weeklyAnalyses.conclusions, version: weeklyAnalyses.version })
        .from(weeklyAnalyses)
        .where(eq(weeklyAnalyses.weekStart, p.monday))
        .limit(1)
    )[0];
    if ((row?.version ?? 0) !== p.expectedVersion) return { ok: false as const, error: "conflict" as const };
    if ((row?.text ?? "") === p.text) return { ok: true as const, changed: false };
    if (row)
      await tx
        .update(weeklyAnalyses)
        .set({ conclusions: p.text, version: row.version + 1, updatedAt: p.now, updatedBy: p.actor.id })
        .where(eq(weeklyAnalyses.weekStart, p.monday));
    else
      await tx
        .insert(weeklyAnalyses)
        .values({ weekStart: p.monday, conclusions: p.text, updatedAt: p.now, updatedBy: p.actor.id });
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "analysis.conclusions",
      field: "conclusions",
      oldValue: row?.text ?? null,
      newValue: p.text,
      data: { week: p.monday },
    });
    return { ok: true as const, changed: true };
  });
}
