import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ColourGrid, FILLED, type GridRow } from "@/components/board/colour-grid";
import { getDb } from "@/db/client";
import { listOpenColourCounts } from "@/db/queries/board";
import { listAreas } from "@/db/queries/reference";
import { localName } from "@/i18n/locales";
import { requirePageUser } from "@/lib/auth/guard";
import { COLOURS, type Colour } from "@/lib/domain/colours";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("title") };
}

const zero = (): Record<Colour, number> => ({ red: 0, orange: 0, yellow: 0, blue: 0 });

/** The colour board: open risks by area and colour, with city-wide totals on top. */
export default async function BoardPage() {
  await requirePageUser("board.view", "/board");
  const db = getDb();
  const [t, tc, locale] = [await getTranslations("board"), await getTranslations("colours"), await getLocale()];
  const counts = listOpenColourCounts(db);
  const totals = zero();
  const byArea = new Map<number, Record<Colour, number>>();
  for (const { areaId, colour, n } of counts) {
    const row = byArea.get(areaId) ?? zero();
    row[colour] += n;
    totals[colour] += n;
    byArea.set(areaId, row);
  }
  const areas = listAreas(db, { activeOnly: true });
  const rows = (kind: "category" | "domain"): GridRow[] =>
    areas.filter((a) => a.kind === kind).map((a) => ({ id: a.id, label: localName(a, locale), counts: byArea.get(a.id) ?? zero() }));
  const labels = Object.fromEntries(COLOURS.map((c) => [c, tc(c)])) as Record<Colour, string>;
  const common = { colourLabels: labels, areaLabel: t("area"), totalLabel: t("total") };
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={t("totals")}>
        {COLOURS.map((c) => (
          <li key={c} data-testid={`total-${c}`} className={`flex flex-col rounded-lg p-4 ${FILLED[c]}`}>
            <span className="text-lg">{tc(c)} · {tc(`level.${c}`)}</span>
            <span className="text-5xl font-bold tabular-nums">{totals[c]}</span>
          </li>
        ))}
      </ul>
      <div className="grid items-start gap-8 xl:grid-cols-2">
        <ColourGrid caption={t("categories")} rows={rows("category")} {...common} />
        <ColourGrid caption={t("domains")} rows={rows("domain")} {...common} />
      </div>
    </div>
  );
}
