import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { suggestsRegrade } from "@/lib/domain/hazards";
import type { HazardListItem } from "@/lib/views/hazards";
import { HazardTable } from "./hazard-table";

/**
 * A risk's hazards on its page (隐患 found where its control failed): open ones first, overdue ones
 * marked, a link to record another, and — when many are open or a major one is — a prompt to
 * re-grade the risk.
 */
export async function RiskHazards({
  rows,
  risk,
  mayRecord,
  mayGrade,
}: {
  rows: HazardListItem[];
  risk: { code: string };
  mayRecord: boolean;
  mayGrade: boolean;
}) {
  const t = await getTranslations("hazards");
  const open = rows.filter((r) => r.status !== "closed").length;
  return (
    <section aria-labelledby="risk-hazards" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="risk-hazards" className="text-lg font-semibold">
          {t("riskSection", { open })}
        </h2>
        {mayRecord ? (
          <Link href={`/hazards/new?risk=${risk.code}`} className="text-sm text-blue-800 underline">
            {t("riskRecord")}
          </Link>
        ) : null}
      </div>
      {suggestsRegrade(rows) ? (
        <p role="note" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("regrade", { count: open })}
          {mayGrade ? (
            <>
              {" "}
              <Link href={`/risks/${risk.code}/grade`} className="font-medium underline">
                {t("regradeLink")}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {rows.length ? <HazardTable rows={rows} caption={t("riskSection", { open })} /> : null}
    </section>
  );
}
