import "server-only";
import { and, desc, gte, lt } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { nextRiskCode } from "@/lib/domain/risk-code";
import type { Tx } from "../store";

/**
 * The next PREFIX-YEAR-NNNNN code of a table (risks YL-, hazards YH-, inspections PC-), read inside
 * the caller's write transaction, so two records never get the same one.
 */
export async function nextCode(
  tx: Tx,
  p: { table: SQLiteTable; column: SQLiteColumn; prefix: string; year: number },
): Promise<string> {
  const [last] = await tx
    .select({ code: p.column })
    .from(p.table)
    .where(and(gte(p.column, `${p.prefix}-${p.year}-`), lt(p.column, `${p.prefix}-${p.year}.`)))
    .orderBy(desc(p.column))
    .limit(1);
  return nextRiskCode(p.prefix, p.year, (last?.code as string | undefined) ?? undefined);
}
