import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import type { ReportItem } from "@/lib/domain/reporting";
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
    if (
      !(
        await tx
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.id, p.unitId), eq(units.active, true)))
          .limit(1)
      )[0]
    )
      return { ok: false as const, error: "unknownUnit" as const };
    const riskIds = [...new Set(p.items.flatMap((i) => (i.riskId ? [i.riskId] : [])))];
    if (
      riskIds.length &&
      (await tx.select({ n: count() }).from(risks).where(inArray(risks.id, riskIds)).limit(1))[0]!.n !== riskIds.length
    ) {
      return { ok: false as const, error: "unknownRisk" as const };
    }
    const earlier = (
      await tx
        .select({ n: count() })
        .from(dailyReports)
        .where(and(eq(dailyReports.unitId, p.unitId), eq(dailyReports.day, p.day)))
        .limit(1)
    )[0]!.n;
    const late = p.now.getTime() > p.deadlineAt;
    const supplement = earlier > 0;
    const { seq } = await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: supplement ? "report.supplement" : "report.file",
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
