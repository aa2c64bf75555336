import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/risks/import-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";
import { HAZARD_COLUMNS } from "@/db/exports/hazards";
import { requirePageUser } from "@/lib/auth/guard";
import { BOM, row } from "@/lib/domain/csv";
import { IMPORT_UPLOAD_BYTES } from "@/lib/files/register-file";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("hazardTitle") };
}

/** The columns a campaign's list fills in: what was found, where, when, and the risk or inspection it belongs to. */
const TEMPLATE = [
  "code",
  "title",
  "description",
  "grade",
  "area",
  "region",
  "place",
  "found_on",
  "risk_code",
  "inspection_code",
  "area_code",
  "region_code",
] as const;

/**
 * A campaign's hazard list from its spreadsheet: a dry run row by row (nothing written), then all
 * recorded at once on confirmation (POST /api/imports/hazards).
 */
export default async function HazardImportPage() {
  await requirePageUser("hazard.record", "/hazards/import");
  const [t, th] = [await getTranslations("imports"), await getTranslations("exports.hazardColumns")];
  const columns = TEMPLATE.filter((c) => (HAZARD_COLUMNS as readonly string[]).includes(c));
  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(BOM + row(columns.map((c) => th(c))))}`;
  return (
    <ClientMessages paths={ISLAND_MESSAGES.import}>
      <section className="flex max-w-5xl flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("hazardTitle")}</h1>
        <div className="flex flex-col gap-2 rounded-lg border border-neutral-200 bg-white p-4 text-sm">
          <p>{t("hazardIntro")}</p>
          <ul className="list-disc pl-5">
            <li>{t("hazardRuleCreate")}</li>
            <li>{t("hazardRuleExisting")}</li>
            <li>{t("hazardRuleScope")}</li>
          </ul>
          <p className="flex flex-wrap gap-3">
            <a href={template} download="sise-hazards-template.csv" className="text-blue-800 underline">
              {t("hazardTemplate")}
            </a>
            <a href="/api/exports/hazards?format=xlsx" className="text-blue-800 underline">
              {t("hazardTemplateExport")}
            </a>
          </p>
        </div>
        <ImportForm
          maxMb={IMPORT_UPLOAD_BYTES / 1024 / 1024}
          endpoint="/api/imports/hazards"
          summary="hazardSummary"
          fileLabel="hazardFile"
        />
      </section>
    </ClientMessages>
  );
}
