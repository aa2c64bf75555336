import type { ImportError, ImportRow } from "./import-plan";
import { normaliseText } from "./text";
import { LEVELS, officialDivision, type Level } from "./territory";

/**
 * The division list's import (统计用区划代码: code, name, parent, level), as plain values in and out.
 * Each row becomes a planned creation, a rename, a retirement or return, "unchanged", or a list of
 * errors in words. Its rules (docs/domain.md, "Territory"):
 * - a code is the official 12-digit code (or its 6- and 9-digit short form); the level and the
 *   parent follow from it, and a level or parent written in the file must agree;
 * - a grid (网格) has no official code: its code starts with its village's, and its parent is given;
 * - an import adds and renames; it never deletes. A division marked retired (撤销) is deactivated
 *   and keeps its risks and history; a division missing from the file is left as it is;
 * - a new division's parent must exist already or be created by the same file; the city itself
 *   cannot be replaced by another one.
 */
export const DIVISION_COLUMNS = ["code", "name", "nameEn", "parent", "level", "status"] as const;
export const DIVISION_REQUIRED = ["code", "name"] as const;
export const DIVISION_NAME_MAX = 100;

export type ExistingDivision = {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  level: Level;
  parentCode: string | null;
  active: boolean;
};

export type DivisionValues = { code: string; nameZh: string; nameEn: string; level: Level; parentCode: string };
export type PlannedDivision =
  | { line: number; code: string; action: "create"; values: DivisionValues }
  | {
      line: number;
      code: string;
      action: "update";
      id: number;
      rename?: { nameZh: string; nameEn: string };
      active?: boolean;
    }
  | { line: number; code: string; action: "unchanged" }
  | { line: number; code: string | null; action: "error"; errors: ImportError[] };

/** Level words as lists and people write them, in either language, or the key. */
const LEVEL_WORDS: Record<string, Level> = {
  city: "city",
  市: "city",
  地级市: "city",
  county: "county",
  县: "county",
  区: "county",
  县级市: "county",
  县级: "county",
  town: "town",
  乡: "town",
  镇: "town",
  街道: "town",
  乡镇: "town",
  乡级: "town",
  village: "village",
  村: "village",
  社区: "village",
  居委会: "village",
  村委会: "village",
  村级: "village",
  grid: "grid",
  网格: "grid",
};
const RETIRED = new Set(["撤销", "停用", "已撤销", "retired", "inactive", "0", "否"]);
const CURRENT = new Set(["", "有效", "启用", "在用", "active", "1", "是"]);

export function levelOf(word: string): Level | null {
  const w = word.trim().toLowerCase();
  return LEVEL_WORDS[w] ?? (LEVELS as readonly string[]).find((l) => l === w) ?? null;
}

export function planDivisionImport(
  rows: ReadonlyArray<ImportRow>,
  existing: ReadonlyMap<string, ExistingDivision>,
): PlannedDivision[] {
  const seen = new Map<string, number>();
  // Codes this file creates (valid rows only), so a village may follow its new town in the same file.
  const created = new Set<string>();
  const firstPass = rows.map((row) => readRow(row, existing));
  for (const r of firstPass) if (r.ok && !existing.has(r.code)) created.add(r.code);
  return firstPass.map((r, i): PlannedDivision => {
    const line = rows[i].line;
    if (!r.ok) return { line, code: r.code, action: "error", errors: r.errors };
    const errors: ImportError[] = [];
    const earlier = seen.get(r.code);
    if (earlier !== undefined) errors.push({ key: "duplicateCode", values: { line: earlier } });
    seen.set(r.code, line);
    const found = existing.get(r.code);
    if (found) {
      if (found.level !== r.level) errors.push({ key: "levelMismatch", values: { level: found.level } });
      if (errors.length) return { line, code: r.code, action: "error", errors };
      const nameEn = r.nameEn ?? found.nameEn;
      const rename = found.nameZh !== r.nameZh || found.nameEn !== nameEn ? { nameZh: r.nameZh, nameEn } : undefined;
      const active = r.active === undefined || r.active === found.active ? undefined : r.active;
      return rename || active !== undefined
        ? {
            line,
            code: r.code,
            action: "update",
            id: found.id,
            ...(rename ? { rename } : {}),
            ...(active !== undefined ? { active } : {}),
          }
        : { line, code: r.code, action: "unchanged" };
    }
    if (r.level === "city") errors.push({ key: "otherCity" });
    else if (!r.parentCode || !(existing.has(r.parentCode) || created.has(r.parentCode)))
      errors.push({ key: "unknownParent", values: { parent: r.parentCode ?? "—" } });
    else if (existing.get(r.parentCode) && !existing.get(r.parentCode)!.active)
      errors.push({ key: "retiredParent", values: { parent: r.parentCode } });
    if (r.active === false) errors.push({ key: "newRetired" });
    if (errors.length) return { line, code: r.code, action: "error", errors };
    return {
      line,
      code: r.code,
      action: "create",
      values: {
        code: r.code,
        nameZh: r.nameZh,
        nameEn: r.nameEn ?? r.nameZh,
        level: r.level,
        parentCode: r.parentCode!,
      },
    };
  });
}

type ReadRow =
  | {
      ok: true;
      code: string;
      level: Level;
      parentCode: string | null;
      nameZh: string;
      nameEn?: string;
      active?: boolean;
    }
  | { ok: false; code: string | null; errors: ImportError[] };

function readRow(row: ImportRow, existing: ReadonlyMap<string, ExistingDivision>): ReadRow {
  const cell = (k: string) => normaliseText(row.cells[k] ?? "");
  const errors: ImportError[] = [];
  const rawCode = cell("code").replace(/\s+/g, "");
  const nameZh = cell("name");
  const nameEn = cell("nameEn") || undefined;
  const levelWord = cell("level");
  const parentWord = cell("parent").replace(/\s+/g, "");
  const statusWord = cell("status").toLowerCase();
  if (!rawCode) errors.push({ key: "required", values: { field: "code" } });
  if (!nameZh) errors.push({ key: "required", values: { field: "name" } });
  if (nameZh.length > DIVISION_NAME_MAX || (nameEn?.length ?? 0) > DIVISION_NAME_MAX)
    errors.push({ key: "tooLong", values: { max: DIVISION_NAME_MAX } });
  const stated = levelWord ? levelOf(levelWord) : null;
  if (levelWord && !stated) errors.push({ key: "badLevel", values: { value: levelWord } });
  const active = RETIRED.has(statusWord) ? false : CURRENT.has(statusWord) ? (statusWord ? true : undefined) : null;
  if (active === null) errors.push({ key: "badStatus", values: { value: cell("status") } });

  let code = rawCode;
  let level: Level | null = null;
  let parentCode: string | null = null;
  if (stated === "grid") {
    // A grid: its code begins with its village's (an official 12-digit code), and the village is given.
    const village = officialDivision(parentWord);
    if (!village || village.level !== "village") errors.push({ key: "gridParent" });
    else if (!rawCode.startsWith(parentWord.slice(0, 12)) || rawCode.length <= 12 || !/^[\w-]{13,40}$/.test(rawCode))
      errors.push({ key: "gridCode", values: { parent: village.code } });
    else [code, level, parentCode] = [rawCode, "grid", village.code];
  } else if (rawCode) {
    const official = officialDivision(rawCode);
    // The city's own row may be kept under a code of its choosing (reference lists predate imports).
    const known = existing.get(rawCode);
    if (official) [code, level, parentCode] = [official.code, official.level, official.parentCode];
    else if (known) [code, level, parentCode] = [known.code, known.level, known.parentCode];
    else errors.push({ key: "badCode", values: { value: rawCode } });
    if (level && stated && stated !== level) errors.push({ key: "levelDisagrees", values: { level } });
    if (level && parentWord) {
      const parent = officialDivision(parentWord)?.code ?? parentWord;
      if (parent !== parentCode) errors.push({ key: "parentDisagrees", values: { parent: parentCode ?? "—" } });
    }
  }
  if (errors.length || !level) return { ok: false, code: rawCode || null, errors };
  return { ok: true, code, level, parentCode, nameZh, nameEn, active: active ?? undefined };
}

/** Creations ordered so that every parent comes before its children (city → county → … → grid), file order within a level. */
export function creationOrder(plan: ReadonlyArray<PlannedDivision>) {
  return plan
    .filter((r): r is Extract<PlannedDivision, { action: "create" }> => r.action === "create")
    .sort((a, b) => LEVELS.indexOf(a.values.level) - LEVELS.indexOf(b.values.level) || a.line - b.line);
}
