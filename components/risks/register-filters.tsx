import Form from "next/form";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { AreaOption, RegionOption, UnitOption } from "@/db/queries/reference";
import { localName } from "@/i18n/locales";
import { COLOURS, RISK_STATUSES } from "@/lib/domain/colours";
import { AREA_KINDS } from "@/lib/domain/areas";
import { REGISTER_SORTS, type RegisterQuery } from "@/lib/validation/register-query";

const field = "flex flex-col gap-1 text-sm";
const control = "rounded border border-neutral-400 bg-white px-2 py-1.5 text-sm";

/** The register's filters as a GET form: the URL is the state, so every view can be bookmarked and shared. */
export async function RegisterFilters({
  query,
  areas,
  regions,
  units,
}: {
  query: RegisterQuery;
  areas: AreaOption[];
  regions: RegionOption[];
  units: UnitOption[];
}) {
  const [locale, t, tc, ts, tk] = await Promise.all([
    getLocale(),
    getTranslations("register"),
    getTranslations("colours"),
    getTranslations("statuses"),
    getTranslations("kinds"),
  ]);
  const sortLabel = { severity: t("sortSeverity"), updated: t("sortUpdated"), nextReview: t("sortNextReview") };
  return (
    <Form action="/risks" aria-label={t("filters")} className="grid grid-cols-2 gap-3 rounded-lg border border-neutral-200 bg-white p-4 md:grid-cols-4 xl:grid-cols-8">
      <div className={`${field} col-span-2`}>
        <label htmlFor="filter-q">{t("search")}</label>
        <input id="filter-q" type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("searchPlaceholder")} maxLength={100} className={control} />
      </div>
      <div className={field}>
        <label htmlFor="filter-kind">{t("kind")}</label>
        <select id="filter-kind" name="kind" defaultValue={query.kind ?? ""} className={control}>
          <option value="">{t("all")}</option>
          {AREA_KINDS.map((k) => <option key={k} value={k}>{tk(k)}</option>)}
        </select>
      </div>
      <div className={`${field} col-span-2 md:col-span-1`}>
        <label htmlFor="filter-area">{t("area")}</label>
        <select id="filter-area" name="area" defaultValue={query.area ?? ""} className={control}>
          <option value="">{t("all")}</option>
          {AREA_KINDS.map((k) => (
            <optgroup key={k} label={tk(k)}>
              {areas.filter((a) => a.kind === k).map((a) => <option key={a.id} value={a.id}>{localName(a, locale)}</option>)}
            </optgroup>
          ))}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="filter-region">{t("region")}</label>
        <select id="filter-region" name="region" defaultValue={query.region ?? ""} className={control}>
          <option value="">{t("all")}</option>
          {regions.map((r) => <option key={r.id} value={r.id}>{localName(r, locale)}</option>)}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="filter-colour">{t("colour")}</label>
        <select id="filter-colour" name="colour" defaultValue={query.colour ?? ""} className={control}>
          <option value="">{t("all")}</option>
          {COLOURS.map((c) => <option key={c} value={c}>{tc(c)} · {tc(`level.${c}`)}</option>)}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="filter-status">{t("status")}</label>
        <select id="filter-status" name="status" defaultValue={query.status ?? ""} className={control}>
          <option value="">{t("all")}</option>
          {RISK_STATUSES.map((s) => <option key={s} value={s}>{ts(s)}</option>)}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="filter-unit">{t("unit")}</label>
        <select id="filter-unit" name="unit" defaultValue={query.unit ?? ""} className={control}>
          <option value="">{t("all")}</option>
          {units.map((u) => <option key={u.id} value={u.id}>{localName(u, locale)}</option>)}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="filter-sort">{t("sort")}</label>
        <select id="filter-sort" name="sort" defaultValue={query.sort} className={control}>
          {REGISTER_SORTS.map((s) => <option key={s} value={s}>{sortLabel[s]}</option>)}
        </select>
      </div>
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue ?? false} className="h-4 w-4" />
        {t("overdue")}
      </label>
      <div className="col-span-2 flex items-end gap-2 md:col-span-1">
        <button type="submit" className="rounded bg-neutral-900 px-4 py-1.5 text-sm font-medium whitespace-nowrap text-white hover:bg-neutral-700">
          {t("apply")}
        </button>
        <Link href="/risks" className="px-2 py-1.5 text-sm whitespace-nowrap text-blue-800 underline">{t("reset")}</Link>
      </div>
    </Form>
  );
}
