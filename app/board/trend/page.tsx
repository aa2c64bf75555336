import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BoardViews } from "@/components/board/board-views";
import { TrendChart, type TrendRow } from "@/components/board/trend-chart";
import { TrendForm } from "@/components/board/trend-form";
import { getDb } from "@/db/client";
import { trendOf } from "@/db/history/boards";
import { presentBoard } from "@/db/queries/board-snapshot";
import { listAreas, listRegions } from "@/db/queries/reference";
import { loadTerritory } from "@/db/queries/territory";
import { subtreeIds } from "@/lib/domain/territory";
import { localName } from "@/i18n/locales";
import { requirePageUser } from "@/lib/auth/guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { COLOURS, type Colour } from "@/lib/domain/colours";
import { dayInZone } from "@/lib/domain/dates";
import { parseTrendQuery } from "@/lib/validation/board-query";
import { singleValues, type SearchParams } from "@/lib/validation/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board.trend"))("title") };
}

/**
 * The weekly trend: open risks per colour at the end of each week, then now, for the whole city or
 * one area and/or region — rebuilt from the history, so it says what the board said each Sunday night.
 */
export default async function TrendPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("board.view", "/board/trend");
  const db = getDb();
  const [t, tb, tc, format] = [
    await getTranslations("board.trend"),
    await getTranslations("board"),
    await getTranslations("colours"),
    await getFormatter(),
  ];
  const areas = await listAreas(db, { activeOnly: true });
  const regions = (await listRegions(db, { activeOnly: true })).filter(
    (r) => r.level === "city" || r.level === "county",
  );
  const territory = await loadTerritory(db);
  const query = parseTrendQuery(singleValues(await searchParams), {
    areas: new Set(areas.map((a) => a.id)),
    // Any division may be asked for (a board's column leads here); the form lists the city and counties.
    regions: new Set(territory.byId.keys()),
  });
  const { board } = await presentBoard(db, dayInZone(new Date(), CITY_TIME_ZONE));
  const points = await trendOf(db, {
    weeks: query.weeks,
    filter: {
      areaId: query.area,
      regionId: query.region,
      // A division's trend counts everything registered in it and below it, as its board does.
      regionIds: query.region !== undefined ? new Set(subtreeIds(territory, query.region)) : undefined,
    },
    timeZone: CITY_TIME_ZONE,
    present: board,
  });
  const names = Object.fromEntries(COLOURS.map((c) => [c, tc(c)])) as Record<Colour, string>;
  const dayLabel = (day: string) =>
    day === "now"
      ? t("now")
      : format.dateTime(new Date(`${day}T12:00:00Z`), { month: "numeric", day: "numeric", timeZone: "UTC" });
  const rows: TrendRow[] = points.map((p) => ({ label: dayLabel(p.day), ...p.counts }));
  const lang = await getLocale();
  const area = areas.find((a) => a.id === query.area);
  const region = query.region !== undefined ? territory.byId.get(query.region) : undefined;
  const scope =
    [area ? localName(area, lang) : null, region ? localName(region, lang) : null].filter(Boolean).join(" · ") ||
    t("wholeCity");
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <BoardViews current="trend" />
      <TrendForm
        areas={areas.map((a) => ({ id: a.id, kind: a.kind, label: localName(a, lang) }))}
        regions={regions.map((r) => ({ id: r.id, label: localName(r, lang) }))}
        value={{ area: query.area, region: query.region, weeks: query.weeks }}
      />
      {query.ignored.length ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          {tb("time.ignored", { names: query.ignored.join(", ") })}
        </p>
      ) : null}
      <h2 className="text-xl font-semibold" data-testid="trend-scope">
        {t("heading", { scope, weeks: query.weeks })}
      </h2>
      <TrendChart rows={rows} names={names} label={t("chartLabel", { scope, weeks: query.weeks })} />
      <p className="text-sm text-neutral-700">{t("method")}</p>
      <details className="rounded border border-neutral-300 bg-white p-3">
        <summary className="cursor-pointer font-medium">{t("table")}</summary>
        <table className="mt-2 w-full max-w-2xl text-right tabular-nums" data-testid="trend-table">
          <thead>
            <tr>
              <th scope="col" className="text-left">
                {t("weekEnding")}
              </th>
              {COLOURS.map((c) => (
                <th key={c} scope="col">
                  {names[c]}
                </th>
              ))}
              <th scope="col">{tb("total")}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.day} data-day={p.day} className="border-t border-neutral-200">
                <th scope="row" className="text-left font-normal">
                  {p.day === "now" ? t("now") : p.day}
                </th>
                {COLOURS.map((c) => (
                  <td key={c} data-colour={c}>
                    {p.counts[c]}
                  </td>
                ))}
                <td>{COLOURS.reduce((sum, c) => sum + p.counts[c], 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
