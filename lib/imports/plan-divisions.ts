import "server-only";
import { getTranslations } from "next-intl/server";
import type { Db } from "@/db/client";
import { existingDivisions } from "@/db/imports/divisions";
import { LOCALES } from "@/i18n/locales";
import {
  DIVISION_COLUMNS,
  DIVISION_REQUIRED,
  planDivisionImport,
  type PlannedDivision,
} from "@/lib/domain/division-plan";
import { readRegisterFile, type ReadError } from "@/lib/files/register-file";

export type DivisionFilePlan =
  | { ok: true; plan: PlannedDivision[] }
  | { ok: false; error: ReadError; line?: number }
  | { ok: false; error: "missingColumns"; columns: string[] };

/**
 * The headings a division list may carry: the template's in either language, the column keys, and
 * the names the statistics bureau's own tables use (统计用区划代码, 名称 …), so its file imports as it is.
 */
export async function divisionHeadingKeys(): Promise<Map<string, string>> {
  const headings = await Promise.all(
    LOCALES.map((locale) => getTranslations({ locale, namespace: "divisionImport.headings" })),
  );
  const aliases: Record<string, (typeof DIVISION_COLUMNS)[number]> = {
    统计用区划代码: "code",
    区划代码: "code",
    行政区划代码: "code",
    区划名称: "name",
    单位名称: "name",
    上级区划代码: "parent",
    上级: "parent",
    级别: "level",
  };
  return new Map<string, string>([
    ...DIVISION_COLUMNS.flatMap((c) => [
      [c.toLowerCase(), c] as const,
      ...headings.map((th) => [th(c).toLowerCase(), c] as const),
    ]),
    ...Object.entries(aliases),
  ]);
}

/** The division import's dry run for one uploaded file: read it (bounded, as the register import), then plan every row. */
export async function planDivisionFile(db: Db, p: { name: string; bytes: Buffer }): Promise<DivisionFilePlan> {
  const read = await readRegisterFile(p.name, p.bytes, await divisionHeadingKeys());
  if (!read.ok) return read;
  const missing = DIVISION_REQUIRED.filter((c) => !read.columns.includes(c));
  if (missing.length) return { ok: false, error: "missingColumns", columns: missing };
  return { ok: true, plan: planDivisionImport(read.rows, await existingDivisions(db)) };
}
