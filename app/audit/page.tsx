import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listRecentEvents, mapRiskCodes } from "@/db/queries/history";
import { requirePageUser } from "@/lib/auth/guard";
import { nameMaps } from "@/lib/history/names";
import { VerifyForm } from "@/components/audit/verify-form";
import { RiskTimeline } from "@/components/risks/risk-timeline";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

/** The auditor's page: verify the tamper-evident history, and read its latest entries across all risks. */
export default async function AuditPage() {
  await requirePageUser("history.verify", "/audit");
  const [t, locale] = [await getTranslations("audit"), await getLocale()];
  const db = getDb();
  const events = listRecentEvents(db, { limit: 100 });
  return (
    <section className="flex max-w-4xl flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <VerifyForm />
      <div>
        <h2 className="mb-2 text-lg font-semibold">{t("recent")}</h2>
        <RiskTimeline events={events} names={nameMaps(db, locale)} codes={mapRiskCodes(db, events.map((e) => e.riskId))} />
      </div>
    </section>
  );
}
