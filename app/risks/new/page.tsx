import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getSettings } from "@/db/queries/settings";
import { requirePageUser } from "@/lib/auth/guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { riskFormOptions } from "@/lib/views/risk-form";
import { NewRiskForm } from "@/components/risks/new-risk-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("risk"))("newTitle") };
}

export default async function NewRiskPage() {
  const user = await requirePageUser("risk.create", "/risks/new");
  const [locale, t] = [await getLocale(), await getTranslations("risk")];
  const db = getDb();
  const settings = await getSettings(db);
  return (
    <ClientMessages paths={ISLAND_MESSAGES.riskForm}>
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
        <NewRiskForm
          options={await riskFormOptions(db, locale, { scope: user.scope })}
          thresholds={settings.thresholds}
          cadence={settings.reviewDays}
          today={dayInZone(new Date(), CITY_TIME_ZONE)}
        />
      </div>
    </ClientMessages>
  );
}
