import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getInspection, listHazardRowsOfInspection } from "@/db/queries/hazards";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";
import { HazardTable } from "@/components/hazards/hazard-table";
import { CompleteInspectionForm } from "@/components/hazards/inspection-forms";
import { completeInspectionAction } from "@/app/inspections/actions/inspections";
import { requirePageUser } from "@/lib/auth/guard";
import { canRecordInspection } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { inspectionCodeOf } from "@/lib/domain/hazards";
import { singleValues, type SearchParams } from "@/lib/validation/params";
import { nameHazardRows } from "@/lib/views/hazards";
import { inspectionNames } from "@/lib/views/inspections";

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return {
    title: `${inspectionCodeOf((await params).code) ?? ""} · ${(await getTranslations("hazards.inspections"))("title")}`,
  };
}

/** One inspection: what was planned, the hazards it found, and — while planned — its findings recorded and its end. */
export default async function InspectionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const code = inspectionCodeOf((await params).code);
  const user = await requirePageUser("hazard.read", code ? `/inspections/${code}` : "/inspections");
  if (!code) notFound();
  const [t, locale, db] = [await getTranslations("hazards"), await getLocale(), getDb()];
  const inspection = await getInspection(db, { code });
  if (!inspection) notFound();
  const query = singleValues(await searchParams);
  const today = dayInZone(new Date(), CITY_TIME_ZONE);
  const names = await inspectionNames(db, locale);
  const found = await nameHazardRows(db, await listHazardRowsOfInspection(db, inspection.id), { today, locale });
  const mayRecord = inspection.status === "planned" && canRecordInspection(user, inspection);
  return (
    <ClientMessages paths={ISLAND_MESSAGES.hazardForm}>
      <article className="flex flex-col gap-5">
        <nav className="text-sm">
          <Link href="/inspections" className="text-blue-800 underline">
            {t("inspections.title")}
          </Link>
        </nav>
        <header>
          <p className="font-mono text-sm text-neutral-700">{inspection.code}</p>
          <h1 className="text-2xl font-bold">{inspection.title}</h1>
          <p className="text-sm text-neutral-700">
            {inspection.status === "done"
              ? `${inspection.nothingFound ? t("inspections.doneNothing") : t("inspections.doneFound")} · ${inspection.doneOn ?? ""}`
              : t("inspections.planned")}
          </p>
        </header>
        {query.planned === "1" || query.done === "1" ? (
          <p
            role="status"
            className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
          >
            {t(query.done === "1" ? "inspections.doneNotice" : "inspections.plannedNotice")}
          </p>
        ) : null}
        <dl className="grid gap-2 rounded-lg border border-neutral-200 bg-white p-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium text-neutral-700">{t("inspections.fields.campaign")}</dt>
            <dd>{inspection.campaign || "—"}</dd>
          </div>
          <div>
            <dt className="font-medium text-neutral-700">{t("inspections.fields.unit")}</dt>
            <dd>{names.unit(inspection.unitId)}</dd>
          </div>
          <div>
            <dt className="font-medium text-neutral-700">{t("fields.area")}</dt>
            <dd>{names.area(inspection.areaId) ?? t("inspections.allDomains")}</dd>
          </div>
          <div>
            <dt className="font-medium text-neutral-700">{t("fields.region")}</dt>
            <dd>{names.region(inspection.regionId)}</dd>
          </div>
          <div>
            <dt className="font-medium text-neutral-700">{t("inspections.fields.days")}</dt>
            <dd>
              {inspection.plannedFrom} – {inspection.plannedTo}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-neutral-700">{t("inspections.fields.inspectors")}</dt>
            <dd>{inspection.inspectors || "—"}</dd>
          </div>
        </dl>
        <section aria-labelledby="found" className="flex flex-col gap-2">
          <h2 id="found" className="text-lg font-semibold">
            {t("inspections.found", { count: found.length })}
          </h2>
          {mayRecord ? (
            <Link
              href={`/hazards/new?inspection=${inspection.code}`}
              className="w-fit rounded bg-blue-800 px-3 py-2 text-sm font-medium text-white"
            >
              {t("inspections.recordFinding")}
            </Link>
          ) : null}
          <HazardTable rows={found} caption={t("inspections.found", { count: found.length })} />
        </section>
        {mayRecord ? (
          <CompleteInspectionForm
            action={completeInspectionAction.bind(null, inspection.code)}
            version={inspection.version}
            today={today}
            found={found.length}
          />
        ) : null}
      </article>
    </ClientMessages>
  );
}
