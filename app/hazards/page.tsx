import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listAreas } from "@/db/queries/reference";
import { loadTerritory } from "@/db/queries/territory";
import { HazardTable } from "@/components/hazards/hazard-table";
import { localName } from "@/i18n/locales";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { HAZARD_GRADES, HAZARD_STATUSES } from "@/lib/domain/hazards";
import { divisionLabel } from "@/lib/domain/territory";
import { HAZARD_PAGE_SIZE, hazardSearch, parseHazardQuery } from "@/lib/validation/hazard";
import { hazardRegisterView } from "@/lib/views/hazards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hazards"))("title") };
}

/**
 * The register of hazards (隐患台账): filtered by status, grade, domain, division, overdue and
 * supervised; newest found first or by deadline. Plain GET forms and links: it works without script.
 */
export default async function HazardsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("hazard.read", "/hazards");
  const { query, ignored } = parseHazardQuery(await searchParams);
  const [t, te, ti, locale, db] = [
    await getTranslations("hazards"),
    await getTranslations("exports"),
    await getTranslations("imports"),
    await getLocale(),
    getDb(),
  ];
  const today = dayInZone(new Date(), CITY_TIME_ZONE);
  const view = await hazardRegisterView(db, { query, today, locale });
  const areas = (await listAreas(db, { activeOnly: true })).map((a) => ({ id: a.id, label: localName(a, locale) }));
  const territory = await loadTerritory(db);
  // The city and its counties as a list; deeper divisions by their code or a link from the board.
  const regions = [...territory.byId.values()]
    .filter((d) => d.active && (d.level === "city" || d.level === "county"))
    .map((d) => ({ id: d.id, label: divisionLabel(territory, d.id, (x) => localName(x, locale)) }));
  if (query.region && !regions.some((r) => r.id === query.region) && territory.byId.has(query.region))
    regions.push({ id: query.region, label: divisionLabel(territory, query.region, (x) => localName(x, locale)) });
  const pages = Math.max(1, Math.ceil(view.total / HAZARD_PAGE_SIZE));
  const select = (
    name: string,
    label: string,
    value: string | number | undefined,
    options: Array<{ id: string | number; label: string }>,
  ) => (
    <label className="flex flex-col text-sm">
      <span className="font-medium">{label}</span>
      <select
        name={name}
        defaultValue={value ?? ""}
        className="min-h-11 rounded border border-neutral-400 bg-white px-2"
      >
        <option value="">{t("all")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const quick = (label: string, q: Partial<typeof query>) => (
    <Link
      href={`/hazards${hazardSearch(q)}`}
      className="rounded border border-neutral-400 bg-white px-3 py-1.5 text-sm hover:bg-neutral-100"
    >
      {label}
    </Link>
  );
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p role="status" className="text-neutral-700">
          {t("summary", { total: view.total })}
        </p>
        {(["csv", "xlsx"] as const).map((f) => {
          const search = hazardSearch({ ...query, sort: undefined, page: undefined });
          return (
            <a
              key={f}
              href={`/api/exports/hazards${search}${search ? "&" : "?"}format=${f}`}
              download
              className="rounded border border-neutral-500 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-100"
            >
              {te(f === "csv" ? "hazardsButton" : "hazardsButtonXlsx")}
            </a>
          );
        })}
        {can(user, "hazard.record") ? (
          <Link
            href="/hazards/new"
            className="rounded bg-blue-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-900"
          >
            {t("new")}
          </Link>
        ) : null}
        {can(user, "hazard.record") ? (
          <Link href="/hazards/import" className="text-sm text-blue-800 underline">
            {ti("hazardLink")}
          </Link>
        ) : null}
        <Link href="/inspections" className="text-sm text-blue-800 underline">
          {t("inspectionsLink")}
        </Link>
        <Link href="/hazards/statistics" className="text-sm text-blue-800 underline">
          {t("stats.link")}
        </Link>
      </div>
      <nav aria-label={t("quick")} className="flex flex-wrap gap-2">
        {quick(t("quickOpen"), { status: "open" })}
        {quick(t("quickOverdue"), { overdue: true })}
        {quick(t("quickMajor"), { status: "open", grade: "major" })}
        {quick(t("quickSupervised"), { supervised: true })}
        {quick(t("quickAccepting"), { status: "accepting" })}
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-neutral-200 bg-white p-3">
        <label className="flex flex-col text-sm">
          <span className="font-medium">{t("search")}</span>
          <input name="q" defaultValue={query.q ?? ""} className="min-h-11 rounded border border-neutral-400 px-2" />
        </label>
        {select("status", t("fields.status"), query.status, [
          { id: "open", label: t("openAll") },
          ...HAZARD_STATUSES.map((s) => ({ id: s, label: t(`statuses.${s}`) })),
        ])}
        {select(
          "grade",
          t("fields.grade"),
          query.grade,
          HAZARD_GRADES.map((g) => ({ id: g, label: t(`grades.${g}`) })),
        )}
        {select("area", t("fields.area"), query.area, areas)}
        {select("region", t("fields.region"), query.region, regions)}
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={!!query.overdue} />
          {t("overdueOnly")}
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="supervised" value="1" defaultChecked={!!query.supervised} />
          {t("supervisedOnly")}
        </label>
        {select("sort", t("sort"), query.sort, [
          { id: "found", label: t("sortFound") },
          { id: "deadline", label: t("sortDeadline") },
        ])}
        <button type="submit" className="min-h-11 rounded bg-neutral-900 px-4 text-sm font-medium text-white">
          {t("filter")}
        </button>
      </form>
      {ignored.length ? (
        <p role="alert" className="text-sm text-amber-900">
          {t("ignored", { params: ignored.join(", ") })}
        </p>
      ) : null}
      <HazardTable rows={view.rows} caption={t("title")} />
      {pages > 1 ? (
        <nav aria-label={t("pages")} className="flex items-center gap-3 text-sm">
          {query.page > 1 ? (
            <Link href={`/hazards${hazardSearch({ ...query, page: query.page - 1 })}`} className="underline">
              {t("previous")}
            </Link>
          ) : null}
          <span>{t("pageOf", { page: query.page, pages })}</span>
          {query.page < pages ? (
            <Link href={`/hazards${hazardSearch({ ...query, page: query.page + 1 })}`} className="underline">
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
