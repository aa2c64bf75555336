import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listInspections } from "@/db/queries/hazards";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";
import { PlanInspectionForm } from "@/components/hazards/inspection-forms";
import { planInspectionAction } from "@/app/inspections/actions/inspections";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { riskFormOptions } from "@/lib/views/risk-form";
import { inspectionNames } from "@/lib/views/inspections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hazards.inspections"))("title") };
}

/** Inspections (排查): the ones still planned, then the done ones; and, for those who record, a plan form. */
export default async function InspectionsPage() {
  const user = await requirePageUser("hazard.read", "/inspections");
  const [t, locale, db] = [await getTranslations("hazards"), await getLocale(), getDb()];
  const today = dayInZone(new Date(), CITY_TIME_ZONE);
  const rows = await listInspections(db, { limit: 300 });
  const names = await inspectionNames(db, locale);
  return (
    <ClientMessages paths={ISLAND_MESSAGES.hazardForm}>
      <section className="flex flex-col gap-5">
        <h1 className="text-2xl font-bold">{t("inspections.title")}</h1>
        {rows.length === 0 ? (
          <p className="text-neutral-700">{t("inspections.none")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("inspections.title")}</caption>
              <thead className="bg-neutral-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("fields.code")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("inspections.fields.title")}
                  </th>
                  <th scope="col" className="hidden px-3 py-2 md:table-cell">
                    {t("inspections.fields.unit")}
                  </th>
                  <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                    {t("fields.region")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("inspections.fields.days")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("fields.status")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => (
                  <tr key={i.id} className="border-t border-neutral-200">
                    <td className="px-3 py-2 font-mono whitespace-nowrap">
                      <Link href={`/inspections/${i.code}`} className="text-blue-800 underline">
                        {i.code}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      {i.title}
                      {i.campaign ? <span className="block text-xs text-neutral-600">{i.campaign}</span> : null}
                    </td>
                    <td className="hidden px-3 py-2 md:table-cell">{names.unit(i.unitId)}</td>
                    <td className="hidden px-3 py-2 sm:table-cell">{names.region(i.regionId)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {i.plannedFrom} – {i.plannedTo}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {i.status === "done"
                        ? i.nothingFound
                          ? t("inspections.doneNothing")
                          : t("inspections.doneFound")
                        : t("inspections.planned")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {can(user, "hazard.record") ? (
          <PlanInspectionForm
            action={planInspectionAction}
            options={await riskFormOptions(db, locale, { scope: user.scope })}
            today={today}
          />
        ) : null}
      </section>
    </ClientMessages>
  );
}
