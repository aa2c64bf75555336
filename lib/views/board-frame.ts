import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Db } from "@/db/client";
import { listAreas, listRegions } from "@/db/queries/reference";
import { localName } from "@/i18n/locales";
import { COLOURS, type Colour } from "@/lib/domain/colours";

/**
 * What every view of the board draws around the counts, shared by the board and meeting mode:
 * the columns (the city and its counties), the rows of each group, and the translated words for
 * colours, empty cells, cell titles and change marks.
 */
export async function loadBoardFrame(db: Db) {
  const [t, tc, locale] = [await getTranslations("board"), await getTranslations("colours"), await getLocale()];
  const regions = (await listRegions(db, { activeOnly: true }))
    .filter((r) => r.level === "city" || r.level === "county")
    // "市本级" rather than "榆林市(市本级)": the column heads must fit a projected cell's width.
    .map((r) => ({ id: r.id, label: r.level === "city" ? t("cityLevel") : localName(r, locale) }));
  const areas = await listAreas(db, { activeOnly: true });
  const rows = (kind: "category" | "domain") =>
    areas.filter((a) => a.kind === kind).map((a) => ({ id: a.id, label: localName(a, locale) }));
  const colours = Object.fromEntries(COLOURS.map((c) => [c, tc(c)])) as Record<Colour, string>;
  const labels = {
    colours,
    short: Object.fromEntries(COLOURS.map((c) => [c, tc(`short.${c}`)])) as Record<Colour, string>,
    none: t("phoneNone"),
    empty: t("empty"),
    area: t("area"),
    noOpen: t("noOpen"),
    // Filled per cell by the grid: ~450 ICU formats per page were a measurable share of its cost.
    cellTitle: t.raw("cellTitle") as string,
    changes: { up: t("changes.up"), down: t("changes.down"), new: t("changes.new"), cleared: t("changes.cleared") },
  };
  return { regions, rows, colours, labels, locale };
}
