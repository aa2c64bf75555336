import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { HazardCount } from "@/lib/domain/hazards";

/**
 * The board's line on hidden hazards in its division: open, overdue, major, under supervision —
 * each a link into the hazards register filtered to it. Overdue in red words, not colour alone.
 */
export async function HazardStrip({ totals, region }: { totals: HazardCount; region: number }) {
  const t = await getTranslations("hazards.strip");
  const href = (q: string) => `/hazards?region=${region}&${q}`;
  const item = (q: string, text: string, tone = "") => (
    <Link href={href(q)} className={`tabular-nums underline-offset-4 hover:underline ${tone}`}>
      {text}
    </Link>
  );
  return (
    <section
      aria-label={t("title")}
      data-testid="hazard-strip"
      className="no-print flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border-2 border-neutral-300 bg-white px-3 py-1.5 text-sm"
    >
      <Link href={href("status=open")} className="text-base font-semibold underline-offset-4 hover:underline">
        {t("title")}
      </Link>
      {item("status=open", t("open", { n: totals.open }))}
      {item("overdue=1", t("overdue", { n: totals.overdue }), totals.overdue ? "font-semibold text-red-900" : "")}
      {item("status=open&grade=major", t("major", { n: totals.major }), totals.major ? "font-medium text-red-900" : "")}
      {item("supervised=1", t("supervised", { n: totals.supervised }))}
    </section>
  );
}
