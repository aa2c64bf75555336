import { isIsoDay } from "./dates";
import type { HazardGrade } from "./hazards";
import type { ImportError, ImportRow } from "./import-plan";
import { normaliseText } from "./text";

/**
 * A campaign's list of hazards found (隐患清单), imported from its spreadsheet: each row is a hazard
 * to record, checked against the reference lists, the risks and inspections named, and the
 * importer's scope — a dry run first, written all or nothing. A row whose code is a hazard already
 * recorded is left as it is (a list can be imported twice without doubling it); its steps are taken
 * on its page, not by import.
 */
export const HAZARD_IMPORT_REQUIRED = ["title", "grade", "found_on"] as const;
const LIMITS = { title: 200, description: 2000, place: 200 } as const;

export type HazardImportValues = {
  title: string;
  description: string;
  grade: HazardGrade;
  areaId: number;
  regionId: number;
  place: string;
  foundOn: string;
  riskId: number | null;
  inspectionId: number | null;
};

export type PlannedHazardRow =
  | { line: number; code: null; action: "create"; values: HazardImportValues }
  | { line: number; code: string; action: "unchanged" }
  | { line: number; code: string | null; action: "error"; errors: ImportError[] };

export type HazardImportContext = {
  /** An area by its code or by its name in either language. */
  areaOf: (code: string, name: string) => number | null;
  /** A division by its code, or by a name that names exactly one. */
  regionOf: (code: string, name: string) => number | null;
  gradeOf: (word: string) => HazardGrade | null;
  existingCodes: ReadonlySet<string>;
  riskIdByCode: ReadonlyMap<string, number>;
  /** Planned inspections by code (a finished one takes no more findings). */
  inspectionIdByCode: ReadonlyMap<string, number>;
  canPlace: (areaId: number, regionId: number) => boolean;
  today: string;
};

export function planHazardImport(rows: ReadonlyArray<ImportRow>, ctx: HazardImportContext): PlannedHazardRow[] {
  const seen = new Set<string>();
  return rows.map((row): PlannedHazardRow => {
    const cell = (k: string) => normaliseText(row.cells[k] ?? "");
    const code = cell("code").toUpperCase();
    if (code && ctx.existingCodes.has(code)) return { line: row.line, code, action: "unchanged" };
    const errors: ImportError[] = [];
    if (code) errors.push({ key: "hazardUnknownCode", values: { code } });
    const text = (k: keyof typeof LIMITS, required: boolean) => {
      const v = cell(k);
      if (required && !v) errors.push({ key: "required", values: { column: k } });
      if (v.length > LIMITS[k]) errors.push({ key: "tooLong", values: { column: k, max: LIMITS[k] } });
      return v;
    };
    const title = text("title", true);
    const description = text("description", false);
    const place = text("place", false);
    const grade = ctx.gradeOf(cell("grade"));
    if (!grade) errors.push({ key: "hazardGrade", values: { value: cell("grade") } });
    const areaId = ctx.areaOf(cell("area_code"), cell("area"));
    if (areaId === null) errors.push({ key: "unknownArea", values: { value: cell("area_code") || cell("area") } });
    const regionId = ctx.regionOf(cell("region_code"), cell("region"));
    if (regionId === null)
      errors.push({ key: "unknownRegion", values: { value: cell("region_code") || cell("region") } });
    const foundOn = cell("found_on");
    if (!isIsoDay(foundOn)) errors.push({ key: "badDate", values: { column: "found_on", value: foundOn } });
    else if (foundOn > ctx.today) errors.push({ key: "hazardFutureDay", values: { value: foundOn } });
    const riskCode = cell("risk_code").toUpperCase();
    const riskId = riskCode ? (ctx.riskIdByCode.get(riskCode) ?? null) : null;
    if (riskCode && riskId === null) errors.push({ key: "unknownRiskCode", values: { code: riskCode } });
    const inspectionCode = cell("inspection_code").toUpperCase();
    const inspectionId = inspectionCode ? (ctx.inspectionIdByCode.get(inspectionCode) ?? null) : null;
    if (inspectionCode && inspectionId === null)
      errors.push({ key: "hazardInspection", values: { code: inspectionCode } });
    // The same finding twice in one file (title, place and day): the second is most likely a copy.
    const key = `${title}|${place}|${foundOn}|${regionId}`;
    if (title && seen.has(key)) errors.push({ key: "hazardDuplicate" });
    seen.add(key);
    if (errors.length || !grade || areaId === null || regionId === null)
      return { line: row.line, code: code || null, action: "error", errors };
    // Outside the importer's scope is an error, not a skip: the row is a new record they may not make.
    if (!ctx.canPlace(areaId, regionId))
      return { line: row.line, code: null, action: "error", errors: [{ key: "hazardOutOfScope" }] };
    return {
      line: row.line,
      code: null,
      action: "create",
      values: { title, description, grade, areaId, regionId, place, foundOn, riskId, inspectionId },
    };
  });
}
