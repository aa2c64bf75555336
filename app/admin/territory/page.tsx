import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";
import { ImportForm } from "@/components/risks/import-form";
import { getDb } from "@/db/client";
import { loadTerritory } from "@/db/queries/territory";
import { requirePageUser } from "@/lib/auth/guard";
import { BOM, row } from "@/lib/domain/csv";
import { DIVISION_COLUMNS } from "@/lib/domain/division-plan";
import { LEVELS } from "@/lib/domain/territory";
import { IMPORT_UPLOAD_BYTES } from "@/lib/files/register-file";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("divisionImport"))("title") };
}

/**
 * The territory an admin loads: how many divisions each level has (in use and retired), and the
 * division list import — the statistics bureau's code list as it is, a dry run first, then all at once.
 */
export default async function TerritoryPage() {
  await requirePageUser("reference.manage", "/admin/territory");
  const [t, tt, th, tr] = [
    await getTranslations("divisionImport"),
    await getTranslations("territory"),
    await getTranslations("divisionImport.headings"),
    await getTranslations("reference"),
  ];
  const territory = await loadTerritory(getDb());
  const counts = LEVELS.map((level) => {
    const all = [...territory.byId.values()].filter((d) => d.level === level);
    return { level, active: all.filter((d) => d.active).length, retired: all.filter((d) => !d.active).length };
  });
  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(BOM + row(DIVISION_COLUMNS.map((c) => th(c))))}`;
  return (
    <ClientMessages paths={ISLAND_MESSAGES.import}>
      <section className="flex max-w-5xl flex-col gap-4">
        <Link href="/admin/reference?table=regions" className="text-sm text-blue-800 underline">
          {tr("tables.regions")}
        </Link>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm">{tt("intro")}</p>
        <table className="w-full max-w-xl text-left text-sm" data-testid="territory-counts">
          <caption className="mb-1 text-left font-semibold">{tt("counts")}</caption>
          <thead>
            <tr className="border-b border-neutral-300">
              <th scope="col" className="px-2 py-1" />
              <th scope="col" className="px-2 py-1 text-right">
                {tt("active")}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {tt("retired")}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.level} className="border-b border-neutral-100">
                <th scope="row" className="px-2 py-1 font-normal">
                  {tt(`levels.${c.level}`)}
                </th>
                <td className="px-2 py-1 text-right tabular-nums">{c.active}</td>
                <td className="px-2 py-1 text-right tabular-nums">{c.retired}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="flex flex-col gap-2 rounded-lg border border-neutral-200 bg-white p-4 text-sm">
          <p>{t("intro")}</p>
          <ul className="list-disc pl-5">
            <li>{t("ruleAdd")}</li>
            <li>{t("ruleCodes")}</li>
          </ul>
          <p>
            <a href={template} download="sise-divisions-template.csv" className="text-blue-800 underline">
              {t("template")}
            </a>
          </p>
        </div>
        <ImportForm
          maxMb={IMPORT_UPLOAD_BYTES / 1024 / 1024}
          endpoint="/api/imports/divisions"
          summary="divisionSummary"
          fileLabel="divisionFile"
        />
      </section>
    </ClientMessages>
  );
}
