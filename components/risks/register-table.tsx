import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { RegisterRow } from "@/db/queries/register";
import { isReviewOverdue } from "@/lib/domain/review";
import { ColourBadge } from "@/components/ui/colour-badge";
import { StatusBadge } from "@/components/ui/status-badge";

const th = "px-3 py-2 text-left font-semibold whitespace-nowrap";
const td = "px-3 py-2 align-top";

export async function RegisterTable({ rows, today }: { rows: RegisterRow[]; today: string }) {
  const [locale, t, format] = await Promise.all([getLocale(), getTranslations("register"), getFormatter()]);
  const en = locale === "en";
  if (rows.length === 0) return <p className="rounded border border-dashed border-neutral-300 p-8 text-center text-neutral-600">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-neutral-100 text-neutral-700">
          <tr>
            <th scope="col" className={th}>{t("columns.code")}</th>
            <th scope="col" className={th}>{t("columns.colour")}</th>
            <th scope="col" className={th}>{t("columns.title")}</th>
            <th scope="col" className={th}>{t("columns.area")}</th>
            <th scope="col" className={th}>{t("columns.region")}</th>
            <th scope="col" className={th}>{t("columns.status")}</th>
            <th scope="col" className={th}>{t("columns.unit")}</th>
            <th scope="col" className={th}>{t("columns.person")}</th>
            <th scope="col" className={th}>{t("columns.nextReview")}</th>
            <th scope="col" className={th}>{t("columns.updated")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200">
          {rows.map((r) => {
            const overdue = isReviewOverdue(r, today);
            return (
              <tr key={r.id} className="hover:bg-neutral-50">
                <td className={`${td} font-mono text-xs whitespace-nowrap`}>{r.code}</td>
                <td className={td}><ColourBadge colour={r.colour} /></td>
                <td className={`${td} min-w-64`}>
                  <Link href={`/risks/${r.code}`} className="font-medium text-blue-900 hover:underline">{r.title}</Link>
                </td>
                <td className={td}>{en ? r.areaEn : r.areaZh}</td>
                <td className={`${td} whitespace-nowrap`}>{en ? r.regionEn : r.regionZh}</td>
                <td className={td}><StatusBadge status={r.status} /></td>
                <td className={td}>{en ? r.unitEn : r.unitZh}</td>
                <td className={`${td} whitespace-nowrap`}>{r.responsiblePerson}</td>
                <td className={`${td} whitespace-nowrap`}>
                  {r.nextReviewDate}
                  {overdue ? <span className="ml-1 rounded bg-red-100 px-1 text-xs font-semibold text-red-900">{t("overdueBadge")}</span> : null}
                </td>
                <td className={`${td} whitespace-nowrap text-neutral-600`}>
                  {format.dateTime(r.updatedAt, { dateStyle: "short", timeStyle: "short" })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
