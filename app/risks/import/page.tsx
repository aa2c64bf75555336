import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/risks/import-form";
import { IMPORT_UPLOAD_BYTES } from "@/lib/files/register-file";
import { REGISTER_COLUMNS } from "@/db/exports/register";
import { requirePageUser } from "@/lib/auth/guard";
import { BOM, row } from "@/lib/domain/csv";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

/**
 * Officers bring their registers from Excel: the template is the register export's columns (so an
 * export can be edited and imported again); the upload is checked row by row first (a dry run that
 * writes nothing) and written only on confirmation, all or nothing.
 */
export default async function ImportPage() {
  await requirePageUser("risk.create", "/risks/import");
  const [t, th] = [await getTranslations("imports"), await getTranslations("exports.registerColumns")];
  // The headings in the reader's language: the import reads either language's, and the keys.
  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(BOM + row(REGISTER_COLUMNS.map((c) => th(c))))}`;
  return (
    <ClientMessages paths={ISLAND_MESSAGES.import}>
      <section className="flex max-w-5xl flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="flex flex-col gap-2 rounded-lg border border-neutral-200 bg-white p-4 text-sm">
          <p>{t("intro")}</p>
          <ul className="list-disc pl-5">
            <li>{t("ruleCreate")}</li>
            <li>{t("ruleUpdate")}</li>
            <li>{t("ruleScope")}</li>
          </ul>
          <p className="flex flex-wrap gap-3">
            <a href={template} download="sise-import-template.csv" className="text-blue-800 underline">
              {t("templateBlank")}
            </a>
            <a href="/api/exports/register?format=xlsx" className="text-blue-800 underline">
              {t("templateExport")}
            </a>
          </p>
        </div>
        <ImportForm maxMb={IMPORT_UPLOAD_BYTES / 1024 / 1024} />
      </section>
    </ClientMessages>
  );
}
