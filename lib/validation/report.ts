import { z } from "zod";
import { isIsoDay } from "@/lib/domain/dates";
import { CONTROL_CHARS, text } from "./fields";
import { REPORT_ITEM_KINDS, type ReportItemKind } from "@/lib/domain/reporting";
import type { RuleError } from "@/lib/domain/risk-rules";

export const REPORT_LIMITS = { text: 500, note: 1000, items: 50 } as const;

export const reportSchema = z.object({
  unitId: z.coerce
    .number({ error: "invalidChoice" })
    .int({ error: "invalidChoice" })
    .positive({ error: "invalidChoice" }),
  day: z.string({ error: "required" }).refine(isIsoDay, { error: "invalidDate" }),
  kind: z.enum(["zero", "items"], { error: "reportKindRequired" }),
  note: text(REPORT_LIMITS.note, false),
});

/** `row` is the row's place in the form, so an error found later (an unknown risk code) lands on it. */
export type ReportDraftItem = { kind: ReportItemKind; riskCode: string; text: string; row: number };
export type ParsedReport =
  | { ok: true; unitId: number; day: string; kind: "zero" | "items"; note: string; items: ReportDraftItem[] }
  | { ok: false; fieldErrors: Partial<Record<string, RuleError[]>> };

/**
 * The filing form: one report kind, a note, and rows of situations (kind, optional risk code, text)
 * posted as parallel lists. Empty rows are dropped; a zero report carries no rows, a report of
 * situations at least one. Every problem is named at its own field.
 */
export function parseReportForm(formData: FormData): ParsedReport {
  const all = (k: string) => formData.getAll(k).map((v) => (typeof v === "string" ? v : ""));
  const errors: Partial<Record<string, RuleError[]>> = {};
  const base = reportSchema.safeParse({
    unitId: formData.get("unitId"),
    day: formData.get("day") ?? "",
    kind: formData.get("kind") ?? undefined,
    note: formData.get("note") ?? "",
  });
  if (!base.success) {
    for (const [field, keys] of Object.entries(z.flattenError(base.error).fieldErrors as Record<string, string[]>)) {
      errors[field] = keys.map((key) => (key === "tooLong" ? { key, values: { max: REPORT_LIMITS.note } } : { key }));
    }
  }
  const [kinds, codes, texts] = [all("itemKind"), all("itemRisk"), all("itemText")];
  const items: ReportDraftItem[] = [];
  texts.forEach((raw, i) => {
    const t = raw.trim();
    const code = (codes[i] ?? "").trim().toUpperCase();
    if (!t && !code) return;
    const kind = (REPORT_ITEM_KINDS as ReadonlyArray<string>).includes(kinds[i]) ? (kinds[i] as ReportItemKind) : null;
    if (!kind) errors[`itemKind-${i}`] = [{ key: "invalidChoice" }];
    if (!t) errors[`itemText-${i}`] = [{ key: "required" }];
    else if (t.length > REPORT_LIMITS.text)
      errors[`itemText-${i}`] = [{ key: "tooLong", values: { max: REPORT_LIMITS.text } }];
    else if (CONTROL_CHARS.test(t)) errors[`itemText-${i}`] = [{ key: "invalidCharacters" }];
    if (kind) items.push({ kind, riskCode: code, text: t, row: i });
  });
  if (items.length > REPORT_LIMITS.items)
    errors.items = [{ key: "tooManyItems", values: { max: REPORT_LIMITS.items } }];
  if (base.success && base.data.kind === "zero" && items.length) errors.kind = [{ key: "zeroWithItems" }];
  if (base.success && base.data.kind === "items" && items.length === 0 && !errors.items)
    errors.items = [{ key: "itemsRequired" }];
  if (!base.success || Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return { ok: true, ...base.data, items };
}
