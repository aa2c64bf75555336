import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listRecentEvents, mapRiskCodes } from "@/db/queries/history";
import { requirePageUser } from "@/lib/auth/guard";
import { nameMaps } from "@/lib/history/names";
import { VerifyForm } from "@/components/audit/verify-form";
import { ExportForm } from "@/components/audit/export-form";
import { VerifyExportForm } from "@/components/audit/verify-export-form";
import { VERIFY_LIMITS } from "@/lib/files/limits";
import { listAreas, listRegions } from "@/db/queries/reference";
import { listUsers } from "@/db/queries/users";
import { localName } from "@/i18n/locales";
import { can } from "@/lib/auth/permissions";
import { RiskTimeline } from "@/components/risks/risk-timeline";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

/** The auditor's page: verify the tamper-evident history, export it (CSV) and check an export file, and read its latest entries across all risks. */
export default async function AuditPage() {
  const user = await requirePageUser("history.verify", "/audit");
  const [t, locale] = [await getTranslations("audit"), await getLocale()];
  const db = getDb();
  const events = await listRecentEvents(db, { limit: 100 });
  return (
    <ClientMessages paths={ISLAND_MESSAGES.audit}>
      <section className="flex max-w-4xl flex-col gap-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <VerifyForm />
        {can(user, "history.export") ? (
          <ExportForm
            areas={(await listAreas(db)).map((a) => ({ id: a.id, label: localName(a, locale) }))}
            regions={(await listRegions(db)).map((r) => ({ id: r.id, label: localName(r, locale) }))}
            actors={(await listUsers(db)).map((u) => ({ id: u.id, label: `${u.displayName} (${u.username})` }))}
          />
        ) : null}
        <VerifyExportForm maxMb={VERIFY_LIMITS.maxUploadBytes / 1024 / 1024} />
        <div>
          <h2 className="mb-2 text-lg font-semibold">{t("recent")}</h2>
          <RiskTimeline
            events={events}
            names={await nameMaps(db, locale)}
            codes={await mapRiskCodes(
              db,
              events.map((e) => e.riskId),
            )}
          />
        </div>
      </section>
    </ClientMessages>
  );
}
