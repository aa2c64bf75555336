import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";
import { HazardForm } from "@/components/hazards/hazard-form";
import { requirePageUser } from "@/lib/auth/guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { inspectionCodeOf } from "@/lib/domain/hazards";
import { riskCodeOf } from "@/lib/domain/risk-code";
import { singleValues, type SearchParams } from "@/lib/validation/params";
import { riskForHazardForm } from "@/lib/views/hazards";
import { riskFormOptions } from "@/lib/views/risk-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hazards"))("new") };
}

/** Record a hazard found (?risk=… from a risk's page, ?inspection=… from an inspection's). */
export default async function NewHazardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("hazard.record", "/hazards/new");
  const params = singleValues(await searchParams);
  const [t, locale, db] = [await getTranslations("hazards"), await getLocale(), getDb()];
  const risk = await riskForHazardForm(db, riskCodeOf(params.risk) ?? undefined);
  const today = dayInZone(new Date(), CITY_TIME_ZONE);
  const options = await riskFormOptions(db, locale, {
    scope: user.scope,
    keep: risk ? { ...risk, unitId: 0 } : undefined,
  });
  const initial: Record<string, string> = {
    title: "",
    description: "",
    grade: "general",
    areaId: risk ? String(risk.areaId) : "",
    regionId: risk ? String(risk.regionId) : "",
    place: "",
    foundOn: today,
    riskCode: risk?.code ?? "",
    inspectionCode: inspectionCodeOf(params.inspection) ?? "",
  };
  return (
    <ClientMessages paths={ISLAND_MESSAGES.hazardForm}>
      <section className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("new")}</h1>
        {risk ? <p className="text-neutral-700">{t("forRisk", { code: risk.code, title: risk.title })}</p> : null}
        <HazardForm options={options} initial={initial} today={today} />
      </section>
    </ClientMessages>
  );
}
