import { getTranslations } from "next-intl/server";
import { TREND_WEEKS } from "@/lib/validation/board-query";

type Option = { id: number; label: string };

/** Chooses what the trend covers — an area, a region, both or the whole city — and how many weeks (a plain GET form). */
export async function TrendForm({
  areas,
  regions,
  value,
}: {
  areas: Array<Option & { kind: string }>;
  regions: Option[];
  value: { area?: number; region?: number; weeks: number };
}) {
  const [t, tb] = [await getTranslations("board.trend"), await getTranslations("board")];
  const control = "rounded border border-neutral-400 bg-white px-2 py-1";
  return (
    <form method="get" action="/board/trend" className="no-print flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">
        {tb("area")}
        <select name="area" defaultValue={value.area ?? ""} className={control}>
          <option value="">{t("allAreas")}</option>
          {(["category", "domain"] as const).map((kind) => (
            <optgroup key={kind} label={tb(kind === "category" ? "categories" : "domains")}>
              {areas
                .filter((a) => a.kind === kind)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {tb("region")}
        <select name="region" defaultValue={value.region ?? ""} className={control}>
          <option value="">{t("allRegions")}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("span")}
        <select name="weeks" defaultValue={value.weeks} className={control}>
          {TREND_WEEKS.map((w) => (
            <option key={w} value={w}>
              {t("weeks", { n: w })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded bg-neutral-900 px-3 py-1.5 font-medium text-white hover:bg-neutral-700">
        {tb("time.apply")}
      </button>
    </form>
  );
}
