import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listAreas, listUnits } from "@/db/queries/reference";
import { redirect } from "next/navigation";
import { filterRegions, typedRegionFilter } from "@/lib/views/register-regions";
import { listRegisterPage } from "@/db/queries/register";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { parseRegisterQuery, registerSearch } from "@/lib/validation/register-query";
import { Pagination } from "@/components/risks/pagination";
import { RegisterFilters } from "@/components/risks/register-filters";
import { RegisterTable } from "@/components/risks/register-table";

// The filter a URL parameter belongs to, for telling the user which one was ignored.
const PARAM_LABEL = {
  q: "search",
  kind: "kind",
  area: "area",
  region: "region",
  colour: "colour",
  status: "status",
  unit: "unit",
  overdue: "overdue",
  sort: "sort",
  page: "pageParam",
} as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("risk.read", "/risks");
  const params = await searchParams;
  const db = getDb();
  // A division typed into the filter's picker and not picked (or sent without script): the one it names joins the filter.
  const typed = await typedRegionFilter(db, params);
  if (typed?.ok) redirect(`/risks?${typed.search}`);
  const { query, ignored } = parseRegisterQuery(params);
  const today = dayInZone(new Date(), CITY_TIME_ZONE);
  const result = await listRegisterPage(db, { query, today });
  const [t, ta, te] = [
    await getTranslations("register"),
    await getTranslations("app"),
    await getTranslations("exports"),
  ];
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-neutral-700" role="status">
          {t("summary", { total: result.total })}
        </p>
        {/* A plain link: the browser downloads the stream itself. */}
        {(["csv", "xlsx"] as const).map((f) => {
          const search = registerSearch({ ...query, sort: undefined, page: undefined });
          return (
            <a
              key={f}
              href={`/api/exports/register${search}${search ? "&" : "?"}format=${f}`}
              download
              className="rounded border border-neutral-500 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-100"
            >
              {/* A phone has room for the short label only. */}
              <span className="hidden sm:inline">{te(f === "csv" ? "registerButton" : "registerButtonXlsx")}</span>
              <span className="sm:hidden">{te(f === "csv" ? "registerButtonShort" : "registerButtonXlsxShort")}</span>
            </a>
          );
        })}
        {can(user, "risk.create") ? (
          <Link
            href="/risks/import"
            className="rounded border border-blue-800 px-4 py-2 text-sm font-medium text-blue-900 hover:bg-blue-50 sm:ml-auto"
          >
            {te("importLink")}
          </Link>
        ) : null}
        {can(user, "risk.create") ? (
          <Link
            href="/risks/new"
            className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900"
          >
            {ta("nav.newRisk")}
          </Link>
        ) : null}
      </div>
      <RegisterFilters
        query={query}
        areas={await listAreas(db)}
        regions={await filterRegions(db, await getLocale(), query.region)}
        units={await listUnits(db)}
      />
      {typed && !typed.ok ? (
        <p role="alert" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {(await getTranslations("errors"))(typed.error)}
        </p>
      ) : null}
      {ignored.length > 0 ? (
        <p role="alert" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("ignoredParams", {
            names: ignored.map((n) => t(PARAM_LABEL[n as keyof typeof PARAM_LABEL] ?? "filters")).join(", "),
          })}
        </p>
      ) : null}
      <RegisterTable rows={result.rows} today={today} />
      <Pagination query={{ ...query, page: result.page }} page={result.page} pages={result.pages} />
    </div>
  );
}
