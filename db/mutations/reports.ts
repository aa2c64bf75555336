import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { planReportFiling, type ReportItem } from "@/lib/domain/reporting";
import type { Db } from "../store";
import { dailyReports, risks, units } from "../schema";
import { appendEvent, type Actor } from "./events";

export type FileReportResult =
  { ok: true; id: number; late: boolean; supplement: boolean } | { ok: false; error: "unknownUnit" | "unknownRisk" };

/**
 * Files a unit's daily report (or a supplement to it) and records it in the history, in one
 * transaction. The caller has checked that the person reports for the unit and that the day may
 * still be filed for; the deadline in force is stored with the report.
 */
export function fileDailyReport(
  db: Db,
  p: {
    unitId: number;
    day: string;
    kind: "zero" | "items";
    items: ReportItem[];
    note: string;
    deadlineAt: number;
    actor: Actor & { id: number };
    now: Date;
  },
): Promise<FileReportResult> {
  return db.write(async (tx) => {
    const riskIds = [...new Set(p.items.flatMap((i) => (i.riskId ? [i.riskId] : [])))];
    const plan = planReportFiling({
      unitActive: (await tx.$count(units, and(eq(units.id, p.unitId), eq(units.active, true)))) > 0,
      namedRisks: riskIds.length,
      foundRisks: riskIds.length ? await tx.$count(risks, inArray(risks.id, riskIds)) : 0,
      earlierReports: await tx.$count(
        dailyReports,
        and(eq(dailyReports.unitId, p.unitId), eq(dailyReports.day, p.day)),
      ),
      nowMs: p.now.getTime(),
      deadlineAt: p.deadlineAt,
    });
    if ("error" in plan) return { ok: false as const, error: plan.error };
    const { late, supplement } = plan;
    const { seq } = await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: plan.action,
      newValue: { unitId: p.unitId, day: p.day, kind: p.kind, items: p.items, note: p.note },
      data: { late, deadlineAt: p.deadlineAt },
    });
    const row = (
      await tx
        .insert(dailyReports)
        .values({
          unitId: p.unitId,
          day: p.day,
          kind: p.kind,
          items: p.items,
          note: p.note,
          filedAt: p.now,
          deadlineAt: new Date(p.deadlineAt),
          filedBy: p.actor.id,
          filedByName: p.actor.name,
          eventSeq: seq,
        })
        .returning({ id: dailyReports.id })
    )[0];
    return { ok: true as const, id: row.id, late, supplement };
  });
}
