import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { COLOURS, RISK_STATUSES } from "@/lib/domain/colours";
import type { RegisterRow } from "@/db/queries/register";
import { isReviewOverdue } from "@/lib/domain/review";
import { ColourBadge } from "@/components/ui/colour-badge";
import { StatusBadge } from "@/components/ui/status-badge";

export async function RegisterTable({ rows, today }: { rows: RegisterRow[]; today: string }) {
  const [locale, timeZone, t, tc, ts] = await Promise.all([
    getLocale(),
    getTimeZone(),
    getTranslations("register"),
    getTranslations("colours"),
    getTranslations("statuses"),
  ]);
  const en = locale === "en";
  // Translate and build formatters once per table, not once per row: this page is the hot path.
  const colourLabel = Object.fromEntries(COLOURS.map((c) => [c, tc(c)]));
  const statusLabel = Object.fromEntries(RISK_STATUSES.map((s) => [s, ts(s)]));
  const updated = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "short", timeStyle: "short" });
  if (rows.length === 0)
    return (
      <p className="rounded border border-dashed border-neutral-300 p-8 text-center text-neutral-600">{t("empty")}</p>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      {/* On a phone the rows become cards (globals.css .register-list); the labels they need come from here. */}
      <table
        className="register-table register-list min-w-full text-sm"
        style={{
          ["--label-review" as string]: JSON.stringify(t("columns.nextReview")),
          ["--label-unit" as string]: JSON.stringify(t("columns.unit")),
        }}
      >
        <thead className="bg-neutral-100 text-neutral-700">
          <tr>
            <th scope="col">{t("columns.code")}</th>
            <th scope="col">{t("columns.colour")}</th>
            <th scope="col">{t("columns.title")}</th>
            <th scope="col">{t("columns.area")}</th>
            <th scope="col">{t("columns.region")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.unit")}</th>
            <th scope="col">{t("columns.person")}</th>
            <th scope="col">{t("columns.nextReview")}</th>
            <th scope="col">{t("columns.updated")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200">
          {rows.map((r) => {
            const overdue = isReviewOverdue(r, today);
            return (
              <tr key={r.id}>
                <td className="font-mono text-xs">{r.code}</td>
                <td>
                  <ColourBadge colour={r.colour} label={colourLabel[r.colour]} />
                  {r.ackPending ? (
                    <span className="ml-1 block text-xs font-semibold text-red-900">{t("ackBadge")}</span>
                  ) : null}
                </td>
                <td className="wrap">
                  {/* A plain link, not next/link: 50 client components per page cost ~20% of the register's
                      server throughput (docs/benchmarks.md), and a full load of a risk page is just as fast to the user. */}
                  <a href={`/risks/${r.code}`} className="font-medium text-blue-900 hover:underline">
                    {r.title}
                  </a>
                </td>
                <td>{en ? r.areaEn : r.areaZh}</td>
                <td>{en ? r.regionEn : r.regionZh}</td>
                <td>
                  <StatusBadge status={r.status} label={statusLabel[r.status]} />
                </td>
                <td>{en ? r.unitEn : r.unitZh}</td>
                <td>{r.responsiblePerson}</td>
                <td>
                  {r.nextReviewDate}
                  {overdue ? (
                    <span className="ml-1 rounded bg-red-100 px-1 text-xs font-semibold text-red-900">
                      {t("overdueBadge")}
                    </span>
                  ) : null}
                </td>
                <td className="text-neutral-600">{updated.format(r.updatedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
