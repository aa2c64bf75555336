/**
 * Times the register page's own queries (count + one page) in-process against a database file:
 *   node --conditions=react-server --import tsx scripts/register-query-times.ts bench/sise-50k.db
 * Prints the median and p95 of 50 runs per scenario, in milliseconds.
 */
import type { Db } from "../db/client";
import { openDb } from "../db/open";
import { listRegisterPage } from "../db/queries/register";
import { dayInZone } from "../lib/domain/dates";
import { parseRegisterQuery, searchParamsRecord } from "../lib/validation/register-query";

export const SCENARIOS: Record<string, string> = {
  default: "",
  colourRed: "colour=red",
  regionAndColour: "region=4&colour=orange",
  areaKindDomain: "kind=domain",
  overdue: "overdue=1",
  searchTwoChars: "q=燃气",
  searchFourChars: "q=瓦斯超限",
  searchAndRegion: "q=燃气&region=2",
  sortNextReview: "sort=nextReview",
  sortUpdatedDeepPage: "sort=updated&page=500",
  unitAndStatus: "unit=2&status=controlling",
};

export async function timeScenarios(db: Db, runs = 50) {
  const today = dayInZone(new Date());
  const out: Array<{ name: string; params: string; total: number; median: number; p95: number }> = [];
  for (const [name, params] of Object.entries(SCENARIOS)) {
    const { query } = parseRegisterQuery(searchParamsRecord(new URLSearchParams(params)));
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      total = (await listRegisterPage(db, { query, today })).total;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    out.push({ name, params, total, median: times[Math.floor(runs / 2)], p95: times[Math.floor(runs * 0.95)] });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? "bench/sise-50k.db";
  const db = openDb(file, { readonly: true });
  void timeScenarios(db).then(async (rows) => {
    for (const r of rows)
      console.log(
        `${r.name.padEnd(22)} total=${String(r.total).padStart(6)} median=${r.median.toFixed(2)}ms p95=${r.p95.toFixed(2)}ms`,
      );
    await db.close();
  });
}
