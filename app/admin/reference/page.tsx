import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NewReferenceForm } from "@/components/admin/new-reference-form";
import { ReferenceRow, type ReferenceRowData } from "@/components/admin/reference-rows";
import { getDb } from "@/db/client";
import { listAreas, listRegions, listUnits } from "@/db/queries/reference";
import { localName } from "@/i18n/locales";
import { requirePageUser } from "@/lib/auth/guard";
import { REFERENCE_TABLES, type ReferenceTable } from "@/lib/validation/reference";
import { singleValues, type SearchParams } from "@/lib/validation/params";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reference"))("title") };
}

/** Reference lists: risk areas, regions and units. Rows are retired, never deleted (risks point at them). */
export default async function ReferencePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("reference.manage", "/admin/reference");
  const requested = singleValues(await searchParams).table;
  const table: ReferenceTable = REFERENCE_TABLES.includes(requested as ReferenceTable)
    ? (requested as ReferenceTable)
    : "areas";
  const [t, locale] = [await getTranslations("reference"), await getLocale()];
  const db = getDb();
  const regions = await listRegions(db);
  const rows: ReferenceRowData[] =
    table === "areas"
      ? (await listAreas(db)).map((a) => ({ ...a, detail: t(`kinds.${a.kind}`) }))
      : table === "regions"
        ? regions.map((r) => ({ ...r, detail: t(`levels.${r.level}`) }))
        : (await listUnits(db)).map((u) => ({ ...u, detail: "" }));
  return (
    <ClientMessages paths={ISLAND_MESSAGES.reference}>
      <section className="flex flex-col gap-4">
        <Link href="/admin/users" className="text-sm text-blue-800 underline">
          {t("backToAdmin")}
        </Link>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <nav aria-label={t("title")} className="flex gap-2">
          {REFERENCE_TABLES.map((name) => (
            <Link
              key={name}
              href={`/admin/reference?table=${name}`}
              aria-current={name === table ? "page" : undefined}
              className={`rounded px-4 py-2 text-sm ${name === table ? "bg-neutral-900 text-white" : "border border-neutral-400 bg-white hover:bg-neutral-100"}`}
            >
              {t(`tables.${name}`)}
            </Link>
          ))}
        </nav>
        {table === "regions" ? (
          <Link href="/admin/territory" className="text-sm font-medium text-blue-800 underline">
            {t("territoryImport")}
          </Link>
        ) : null}
        <NewReferenceForm
          key={table}
          table={table}
          parents={regions
            .filter((r) => r.active && r.level !== "grid")
            .map((r) => ({ id: r.id, label: localName(r, locale) }))}
        />
        <ul className="rounded-lg border border-neutral-200 bg-white">
          {rows.map((row) => (
            <ReferenceRow key={`${table}-${row.id}`} table={table} row={row} />
          ))}
        </ul>
      </section>
    </ClientMessages>
  );
}
