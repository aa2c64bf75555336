import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StripData } from "@/lib/views/reporting";

export type { StripData };

/**
 * Today's daily reporting at a glance, for the board: how many units reported (and how many of
 * those were zero reports), and who is overdue, by name — the names are what a meeting acts on.
 */
export async function ReportingStrip({
  data,
  day,
  names = true,
  compact = false,
}: {
  data: StripData;
  day: string;
  names?: boolean;
  compact?: boolean;
}) {
  const t = await getTranslations("reports");
  const { counts } = data;
  // On the board the strip is one line: the first overdue units by name, then how many more.
  const shown = compact ? data.missing.slice(0, 8) : data.missing;
  const more = data.missing.length - shown.length;
  return (
    <section
      aria-label={t("stripTitle")}
      data-testid="reporting-strip"
      className={`no-print flex flex-wrap items-center rounded-lg border-2 border-neutral-300 bg-white ${compact ? "gap-x-4 gap-y-1 px-3 py-1.5 text-sm" : "gap-x-6 gap-y-2 px-4 py-3"}`}
    >
      <Link
        href={`/reports?day=${day}`}
        className={`${compact ? "text-base" : "text-lg"} font-semibold underline-offset-4 hover:underline`}
      >
        {t("stripTitle")}
      </Link>
      <span className="tabular-nums">
        {t("stripReported", { n: counts.reported + counts.zero + counts.late, units: data.units, zero: counts.zero })}
      </span>
      {counts.pending ? (
        <span className="text-neutral-700 tabular-nums">
          {t("stripPending", { n: counts.pending, cutoff: data.cutoff })}
        </span>
      ) : null}
      {data.late.length ? (
        <span className="text-amber-900 tabular-nums">{t("stripLateFiled", { n: data.late.length })}</span>
      ) : null}
      {data.missing.length && !names ? (
        <span className="font-medium text-red-900">{t("stripMissing", { n: data.missing.length })}</span>
      ) : data.missing.length ? (
        <p className={`${compact ? "" : "basis-full"} font-medium text-red-900`} data-testid="strip-missing">
          {t("stripMissing", { n: data.missing.length })}
          {shown.join("、")}
          {more > 0 ? t("stripMore", { n: more }) : ""}
        </p>
      ) : counts.pending === 0 ? (
        <span className="font-medium text-emerald-900">{t("stripAllIn")}</span>
      ) : null}
    </section>
  );
}
