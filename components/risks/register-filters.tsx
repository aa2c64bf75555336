import Form from "next/form";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { AreaOption, UnitOption } from "@/db/queries/reference";
import { DivisionPicker } from "@/components/territory/division-picker";
import { localName } from "@/i18n/locales";
import { COLOURS, RISK_STATUSES } from "@/lib/domain/colours";
import { AREA_KINDS } from "@/lib/domain/areas";
import { REGISTER_SORTS, type RegisterQuery } from "@/lib/validation/register-query";
import { MultiChoice } from "@/components/forms/multi-choice";

const field = "flex flex-col gap-1 text-sm";
const control = "rounded border border-neutral-400 bg-white px-2 py-1.5 text-sm";

type Choice = { value: string | number; label: string };

/** One labelled filter select; `allLabel` adds the "no filter" choice first. */
function FilterSelect({
  name,
  label,
  value,
  choices,
  allLabel,
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  choices: Choice[];
  allLabel?: string;
}) {
  return (
    <div className={field}>
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={control}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The register's filters as a GET form: the URL is the state, so every view can be bookmarked and shared. */
export async function RegisterFilters({
  query,
  areas,
  regions,
  units,
}: {
  query: RegisterQuery;
  areas: AreaOption[];
  /** The city and counties, and any lower division already in the filter, labelled (lib/views/register-regions.ts). */
  regions: Array<{ id: number; label: string }>;
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
  const words = { all: t("all"), many: (n: number) => t("chosenMany", { n }), separator: "、" };
  const active = [
    query.kind,
    query.area?.length,
    query.region?.length,
    query.colour?.length,
    query.status,
    query.unit,
    query.overdue,
    query.ack,
    query.open,
  ].filter(Boolean).length;
  return (
    <Form
      action="/risks"
      aria-label={t("filters")}
      className="grid grid-cols-2 gap-3 rounded-lg border border-neutral-200 bg-white p-4 md:grid-cols-4 xl:grid-cols-8"
    >
      <div className={`${field} col-span-2`}>
        <label htmlFor="filter-q">{t("search")}</label>
        <input
          id="filter-q"
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder={t("searchPlaceholder")}
          maxLength={100}
          className={control}
        />
      </div>
      {/* On a phone the other filters fold away behind one toggle (no script: a checkbox and CSS). */}
      <input
        type="checkbox"
        id="filters-more"
        className="peer sr-only md:hidden"
        defaultChecked={false}
        aria-controls="filters-panel"
      />
      <label
        htmlFor="filters-more"
        className="col-span-2 flex min-h-11 cursor-pointer items-center justify-between rounded border border-neutral-400 px-3 text-sm font-medium peer-focus-visible:outline-2 md:hidden"
      >
        {active ? t("moreFiltersActive", { n: active }) : t("moreFilters")}
        <span aria-hidden>▾</span>
      </label>
      <div id="filters-panel" className="col-span-2 hidden grid-cols-2 gap-3 peer-checked:grid md:contents">
        <FilterSelect
          name="kind"
          label={t("kind")}
          value={query.kind}
          allLabel={t("all")}
          choices={AREA_KINDS.map((k) => ({ value: k, label: tk(k) }))}
        />
        <MultiChoice
          name="area"
          label={t("area")}
          selected={query.area}
          words={words}
          groups={AREA_KINDS.map((k) => ({
            label: tk(k),
            choices: areas.filter((a) => a.kind === k).map((a) => ({ value: a.id, label: localName(a, locale) })),
          }))}
        />
        <div className="flex flex-col gap-1">
          <MultiChoice
            name="region"
            label={t("region")}
            selected={query.region}
            words={words}
            groups={[{ choices: regions.map((r) => ({ value: r.id, label: r.label })) }]}
          />
          {/* A town, village or grid: found by typing (thousands), added to the divisions ticked above. */}
          <DivisionPicker
            name="region"
            purpose="read"
            words={{ placeholder: t("regionSearch"), noMatch: t("regionNoMatch"), searching: t("regionSearching") }}
          />
          <label className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name="own" value="1" defaultChecked={query.own === true} />
            {t("ownLevel")}
          </label>
        </div>
        <fieldset className="col-span-2 flex flex-col gap-1 text-sm md:col-span-1">
          <legend className="mb-1">{t("colour")}</legend>
          <div className="flex flex-wrap gap-1">
            {COLOURS.map((c) => (
              <label
                key={c}
                className={`chip chip-${c} min-h-8 cursor-pointer has-checked:ring-2 has-checked:ring-neutral-900 has-checked:ring-offset-1`}
              >
                <input
                  type="checkbox"
                  name="colour"
                  value={c}
                  defaultChecked={query.colour?.includes(c) ?? false}
                  className="h-4 w-4"
                />
                {tc(c)}
              </label>
            ))}
          </div>
        </fieldset>
        <FilterSelect
          name="status"
          label={t("status")}
          value={query.status}
          allLabel={t("all")}
          choices={RISK_STATUSES.map((x) => ({ value: x, label: ts(x) }))}
        />
        <FilterSelect
          name="unit"
          label={t("unit")}
          value={query.unit}
          allLabel={t("all")}
          choices={units.map((u) => ({ value: u.id, label: localName(u, locale) }))}
        />
        <FilterSelect
          name="sort"
          label={t("sort")}
          value={query.sort}
          choices={REGISTER_SORTS.map((x) => ({ value: x, label: sortLabel[x] }))}
        />
        <label className="col-span-2 flex min-h-8 items-center gap-2 self-end text-sm md:col-span-1 md:pb-2">
          <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue ?? false} className="h-4 w-4" />
          {t("overdue")}
        </label>
        <label className="col-span-2 flex min-h-8 items-center gap-2 self-end text-sm md:col-span-1 md:pb-2">
          <input type="checkbox" name="ack" value="1" defaultChecked={query.ack ?? false} className="h-4 w-4" />
          {t("ackOnly")}
        </label>
        <label className="col-span-2 flex min-h-8 items-center gap-2 self-end text-sm md:col-span-1 md:pb-2">
          <input type="checkbox" name="open" value="1" defaultChecked={query.open ?? false} className="h-4 w-4" />
          {t("openOnly")}
        </label>
      </div>
      <div className="col-span-2 flex items-end gap-2 md:col-span-1">
        <button
          type="submit"
          className="min-h-9 rounded bg-neutral-900 px-4 py-1.5 text-sm font-medium whitespace-nowrap text-white hover:bg-neutral-700"
        >
          {t("apply")}
        </button>
        <Link href="/risks" className="px-2 py-1.5 text-sm whitespace-nowrap text-blue-800 underline">
          {t("reset")}
        </Link>
      </div>
    </Form>
  );
}
