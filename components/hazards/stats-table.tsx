import { getTranslations } from "next-intl/server";
import type { HazardWeekGroup } from "@/lib/domain/hazards";

/** Per division or per area: found and closed in the period, overdue, found and closed to date, 整改率. */
export async function StatsTable({
  caption,
  first,
  groups,
  name,
}: {
  caption: string;
  first: string;
  groups: HazardWeekGroup[];
  name: (id: number) => string;
}) {
  const t = await getTranslations("analysis.hazards");
  const th = "px-3 py-2 text-right whitespace-nowrap";
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      <table className="w-full text-sm">
        <caption className="px-3 py-2 text-left text-lg font-semibold">{caption}</caption>
        <thead className="bg-neutral-100">
          <tr>
            <th scope="col" className="px-3 py-2 text-left whitespace-nowrap">
              {first}
            </th>
            {(["foundWeek", "closedWeek", "overdueEnd", "foundTotal", "closedTotal", "rate"] as const).map((k) => (
              <th key={k} scope="col" className={th}>
                {t(k === "foundWeek" ? "foundPeriod" : k === "closedWeek" ? "closedPeriod" : k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {groups.length === 0 ? (
            <tr>
              <td colSpan={7} className="px-3 py-2 text-neutral-700">
                {t("none")}
              </td>
            </tr>
          ) : (
            groups.map((g) => (
              <tr key={g.id} className="border-t border-neutral-200">
                <th scope="row" className="px-3 py-2 text-left font-normal whitespace-nowrap">
                  {name(g.id)}
                </th>
                <td className="px-3 py-2 text-right">{g.foundWeek}</td>
                <td className="px-3 py-2 text-right">{g.closedWeek}</td>
                <td className={`px-3 py-2 text-right ${g.overdueEnd ? "font-semibold text-red-900" : ""}`}>
                  {g.overdueEnd}
                </td>
                <td className="px-3 py-2 text-right">{g.foundTotal}</td>
                <td className="px-3 py-2 text-right">{g.closedTotal}</td>
                <td className="px-3 py-2 text-right">{g.rate === null ? "—" : `${g.rate}%`}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
