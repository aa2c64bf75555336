import type { Colour, RiskStatus } from "./colours";
import { addDays, isIsoDay } from "./dates";
import { normaliseText } from "./text";

/**
 * The import's rules, as plain values in and out: each row of an uploaded register (the register
 * export's columns) becomes a planned creation, an update, "unchanged", or a list of errors in words
 * (message keys with values). Nothing here writes; the plan is shown as the dry run, and only a plan
 * without errors can be committed (all rows in one transaction, db/imports/commit.ts).
 * - a row without a code creates a risk (codes are issued by Sise); a row with a code updates that risk;
 * - details, the colour (recorded as a direct grading naming the file) and the next review day can
 *   change; the status cannot (it has its own steps and reasons), nor can a code be invented;
 * - the importer's scope applies to every risk created, changed or moved, as in the forms.
 */
export type ImportRow = { line: number; cells: Record<string, string> };
export type ImportError = { key: string; values?: Record<string, string | number> };
export type ExistingRisk = {
  id: number;
  version: number;
  code: string;
  title: string;
  description: string;
  areaId: number;
  regionId: number;
  colour: Colour;
  status: RiskStatus;
  responsibleUnitId: number;
  responsiblePerson: string;
  coUnitIds: number[];
  nextReviewDate: string;
};
export type ImportValues = {
  title: string;
  description: string;
  areaId: number;
  regionId: number;
  colour: Colour;
  responsibleUnitId: number;
  responsiblePerson: string;
  coUnitIds: number[];
  nextReviewDate: string;
};
export type PlannedRow =
  | { line: number; code: string | null; action: "create"; values: ImportValues }
  | {
      line: number;
      code: string;
      action: "update";
      riskId: number;
      version: number;
      values: ImportValues;
      changes: Array<keyof ImportValues>;
    }
  | { line: number; code: string; action: "unchanged" }
  /** A row of a risk the importer may not change, exactly as stored: skipped, not an error. */
  | { line: number; code: string; action: "outsideScope" }
  | { line: number; code: string | null; action: "error"; errors: ImportError[] };

export type ImportContext = {
  areaByCode: Map<string, number>;
  regionByCode: Map<string, number>;
  unitByCode: Map<string, number>;
  existingByCode: Map<string, ExistingRisk>;
  /** 红 / 橙 / 黄 / 蓝 (the export's words, either language) or red … to the colour. */
  colourOf: (word: string) => Colour | null;
  /** The importer's scope: may they create or change a risk in this area and region? */
  canPlace: (areaId: number, regionId: number) => boolean;
  today: string;
  cadence: Record<Colour, number>;
  /** The status words of the export (either language), to see whether a row tries to change one. */
  statusOf: (word: string) => RiskStatus | null;
};

export const IMPORT_REQUIRED_COLUMNS = [
  "code",
  "title",
  "area_code",
  "region_code",
  "colour",
  "responsible_unit_code",
  "responsible_person",
] as const;
const LIMITS = { title: 200, description: 5000, person: 50 };
const DETAIL_FIELDS = [
  "title",
  "description",
  "areaId",
  "regionId",
  "responsibleUnitId",
  "responsiblePerson",
  "coUnitIds",
] as const;

export function planImport(rows: ImportRow[], ctx: ImportContext): PlannedRow[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const cell = (name: string) => normaliseText(row.cells[name] ?? "");
    const code = cell("code") || null;
    const errors: ImportError[] = [];
    const need = (name: string, value: string, max: number) => {
      if (!value) errors.push({ key: "required", values: { column: name } });
      else if (value.length > max) errors.push({ key: "tooLong", values: { column: name, max } });
    };
    const lookup = (name: string, map: Map<string, number>) => {
      const v = cell(name);
      if (!v) {
        errors.push({ key: "required", values: { column: name } });
        return 0;
      }
      const id = map.get(v);
      if (id === undefined) errors.push({ key: "unknownCode", values: { column: name, value: v } });
      return id ?? 0;
    };
    const title = cell("title");
    const description = cell("description");
    const person = cell("responsible_person");
    need("title", title, LIMITS.title);
    need("responsible_person", person, LIMITS.person);
    if (description.length > LIMITS.description)
      errors.push({ key: "tooLong", values: { column: "description", max: LIMITS.description } });
    const areaId = lookup("area_code", ctx.areaByCode);
    const regionId = lookup("region_code", ctx.regionByCode);
    const responsibleUnitId = lookup("responsible_unit_code", ctx.unitByCode);
    const coCodes = cell("co_unit_codes")
      .split(/[;；,，]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const coUnitIds = [
      ...new Set(
        coCodes.map((c) => {
          const id = ctx.unitByCode.get(c);
          if (id === undefined) errors.push({ key: "unknownCode", values: { column: "co_unit_codes", value: c } });
          return id ?? 0;
        }),
      ),
    ].sort((a, b) => a - b);
    const colourWord = cell("colour");
    const colour = colourWord ? ctx.colourOf(colourWord) : null;
    if (!colourWord) errors.push({ key: "required", values: { column: "colour" } });
    else if (!colour) errors.push({ key: "badColour", values: { value: colourWord } });

    const existing = code ? ctx.existingByCode.get(code) : undefined;
    if (code && !existing) errors.push({ key: "unknownRisk", values: { value: code } });
    if (code) {
      const first = seen.get(code);
      if (first !== undefined) errors.push({ key: "duplicateCode", values: { value: code, line: first } });
      else seen.set(code, row.line);
    }
    const statusWord = cell("status");
    if (statusWord) {
      const status = ctx.statusOf(statusWord);
      if (!status) errors.push({ key: "badStatus", values: { value: statusWord } });
      else if (existing ? status !== existing.status : status !== "identified")
        errors.push({ key: "statusNotImported", values: { value: statusWord } });
    }
    // The next review day: given, or the latest the colour allows; never past, never beyond the cadence.
    let nextReviewDate = cell("next_review_date");
    const keepsDate = existing && nextReviewDate === existing.nextReviewDate && colour === existing.colour;
    if (colour && !keepsDate) {
      const latest = addDays(ctx.today, ctx.cadence[colour]);
      if (!nextReviewDate) nextReviewDate = latest;
      else if (!isIsoDay(nextReviewDate)) errors.push({ key: "badDate", values: { value: nextReviewDate } });
      else if (nextReviewDate < ctx.today || nextReviewDate > latest)
        errors.push({ key: "dateOutOfCadence", values: { value: nextReviewDate, latest } });
    }
    if (errors.length || !colour) return { line: row.line, code, action: "error", errors };

    const values: ImportValues = {
      title,
      description,
      areaId,
      regionId,
      colour,
      responsibleUnitId,
      responsiblePerson: person,
      coUnitIds,
      nextReviewDate,
    };
    const changes = existing ? changedFields(values, existing) : [];
    // Scope applies to what the row would do: a risk the importer may not change is fine as long as
    // the row leaves it exactly as it is (an export of the whole register, imported back).
    const mayChange = existing ? ctx.canPlace(existing.areaId, existing.regionId) : true;
    if (existing && changes.length === 0)
      return { line: row.line, code: existing.code, action: mayChange ? "unchanged" : "outsideScope" };
    if (!mayChange || !ctx.canPlace(areaId, regionId))
      return { line: row.line, code, action: "error", errors: [{ key: "outOfScope" }] };
    if (!existing) return { line: row.line, code: null, action: "create", values };
    return {
      line: row.line,
      code: existing.code,
      action: "update",
      riskId: existing.id,
      version: existing.version,
      values,
      changes,
    };
  });
}

/** The fields a row would change on a stored risk; stored text is compared as the import reads it. */
function changedFields(values: ImportValues, existing: ExistingRisk): Array<keyof ImportValues> {
  const stored: ImportValues = {
    title: normaliseText(existing.title),
    description: normaliseText(existing.description),
    areaId: existing.areaId,
    regionId: existing.regionId,
    colour: existing.colour,
    responsibleUnitId: existing.responsibleUnitId,
    responsiblePerson: normaliseText(existing.responsiblePerson),
    coUnitIds: [...existing.coUnitIds].sort((a, b) => a - b),
    nextReviewDate: existing.nextReviewDate,
  };
  return ([...DETAIL_FIELDS, "colour", "nextReviewDate"] as const).filter(
    (f) => JSON.stringify(values[f]) !== JSON.stringify(stored[f]),
  );
}

/** Accepts a colour word as the exports write it (红 … or red …, any case). */
export function colourReader(words: Record<Colour, string[]>): (word: string) => Colour | null {
  const map = new Map<string, Colour>();
  for (const [c, ws] of Object.entries(words) as Array<[Colour, string[]]>)
    for (const w of [c, ...ws]) map.set(w.toLowerCase(), c);
  return (word) => map.get(word.trim().toLowerCase()) ?? null;
}
