"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { fileDailyReport } from "@/db/mutations/reports";
import { getSettings } from "@/db/queries/settings";
import { mapRiskIdsByCode } from "@/db/queries/risks";
import { authorize, deniedState } from "@/lib/auth/guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { fileableDays, reportDeadline } from "@/lib/domain/reporting";
import type { RuleError } from "@/lib/domain/risk-rules";
import type { FormState } from "@/lib/validation/form-state";
import { parseReportForm } from "@/lib/validation/report";

/** A unit's daily report (or zero report), filed by someone who reports for that unit. */
export async function fileReportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("report.file");
  if (!auth.ok) return deniedState(auth);
  const parsed = parseReportForm(formData);
  if (!parsed.ok) return { ok: false, message: { key: "form.invalid" }, fieldErrors: parsed.fieldErrors };
  const errors: Partial<Record<string, RuleError[]>> = {};
  if (!auth.user.unitIds.includes(parsed.unitId)) errors.unitId = [{ key: "notYourUnit" }];
  const now = new Date();
  if (!fileableDays(dayInZone(now, CITY_TIME_ZONE)).includes(parsed.day)) errors.day = [{ key: "reportDayOutOfRange" }];
  const db = getDb();
  const ids = await mapRiskIdsByCode(
    db,
    parsed.items.map((i) => i.riskCode),
  );
  for (const item of parsed.items) {
    if (item.riskCode && !ids.has(item.riskCode))
      errors[`itemRisk-${item.row}`] = [{ key: "unknownRiskCode", values: { code: item.riskCode } }];
  }
  if (Object.keys(errors).length) return { ok: false, message: { key: "form.invalid" }, fieldErrors: errors };
  const result = await fileDailyReport(db, {
    unitId: parsed.unitId,
    day: parsed.day,
    kind: parsed.kind,
    note: parsed.note,
    items: parsed.items.map((i) => ({
      kind: i.kind,
      text: i.text,
      ...(i.riskCode ? { riskId: ids.get(i.riskCode)! } : {}),
    })),
    deadlineAt: reportDeadline(parsed.day, (await getSettings(db)).reportCutoff, CITY_TIME_ZONE),
    actor: auth.actor,
    now,
  });
  if (!result.ok)
    return { ok: false, message: { key: result.error === "unknownUnit" ? "errors.unknownUnit" : "reports.riskGone" } };
  revalidatePath("/reports", "layout");
  revalidatePath("/board");
  const key = result.supplement
    ? "reports.supplementFiled"
    : result.late
      ? "reports.filedLate"
      : parsed.kind === "zero"
        ? "reports.zeroFiled"
        : "reports.filed";
  return { ok: true, message: { key, values: { day: parsed.day } } };
}
