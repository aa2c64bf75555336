import { z } from "zod";
import { STAT_PERIODS, type StatPeriod } from "@/lib/domain/hazard-stats";
import { idNumber, isoDay } from "./fields";

/**
 * The statistics' URL: ?period=month&at=2026-11-15&region=3 — each parameter on its own (a bad one
 * falls back to its default and is named); a day after today is today (figures are not forecasts).
 */
export function parseStatsQuery(
  params: Record<string, string | string[] | undefined>,
  today: string,
): { kind: StatPeriod; day: string; region?: number; ignored: string[] } {
  const one = (k: string) => (Array.isArray(params[k]) ? params[k][0] : params[k]);
  const ignored: string[] = [];
  const kind = z.enum(STAT_PERIODS).safeParse(one("period") ?? "month");
  if (!kind.success) ignored.push("period");
  const at = one("at");
  const day = at === undefined || at === "" ? { success: true as const, data: today } : isoDay.safeParse(at);
  if (!day.success) ignored.push("at");
  const region = one("region");
  const parsedRegion = region ? idNumber().safeParse(region) : undefined;
  if (parsedRegion && !parsedRegion.success) ignored.push("region");
  return {
    kind: kind.success ? kind.data : "month",
    day: day.success && day.data <= today ? day.data : today,
    region: parsedRegion?.success ? parsedRegion.data : undefined,
    ignored,
  };
}
