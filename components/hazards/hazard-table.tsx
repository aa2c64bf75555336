import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { HazardListItem } from "@/lib/views/hazards";

/**
 * Hazards as a table (the register, a risk's page, an inspection's page). Overdue deadlines are in
 * red words, not colour alone; on a phone the place and the unit columns give way.
 */
export async function HazardTable({ rows, caption }: { rows: HazardListItem[]; caption: string }) {
  const t = await getTranslations("hazards");
  if (rows.length === 0) return <p className="text-neutral-700">{t("none")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-neutral-100 text-neutral-800">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("fields.code")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("fields.title")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("fields.grade")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("fields.status")}
            </th>
            <th scope="col" className="hidden px-3 py-2 md:table-cell">
              {t("fields.region")}
            </th>
            <th scope="col" className="hidden px-3 py-2 lg:table-cell">
              {t("fields.area")}
            </th>
            <th scope="col" className="hidden px-3 py-2 sm:table-cell">
              {t("fields.foundOn")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("fields.deadline")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.id} className="border-t border-neutral-200 align-top">
              <td className="px-3 py-2 font-mono whitespace-nowrap">
                <Link href={`/hazards/${h.code}`} className="text-blue-800 underline">
                  {h.code}
                </Link>
              </td>
              <td className="px-3 py-2">
                {h.title}
                {h.supervisionLevel ? (
                  <span className="ml-2 inline-block rounded border border-red-800 px-1 text-xs whitespace-nowrap text-red-900">
                    {t("supervisedTag", { level: t(`levels.${h.supervisionLevel}`) })}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {h.grade === "major" ? (
                  <strong className="text-red-900">{t("grades.major")}</strong>
                ) : (
                  t("grades.general")
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{t(`statuses.${h.status}`)}</td>
              <td className="hidden px-3 py-2 md:table-cell">{h.regionName}</td>
              <td className="hidden px-3 py-2 lg:table-cell">{h.areaName}</td>
              <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">{h.foundOn}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {h.deadline ?? "—"}
                {h.overdue ? <strong className="ml-1 block text-red-800">{t("overdue")}</strong> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
