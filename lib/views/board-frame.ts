import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Db } from "@/db/client";
import { listAreas } from "@/db/queries/reference";
import type { DivisionRow } from "@/db/queries/territory";
import { localName } from "@/i18n/locales";
import { COLOURS, type Colour } from "@/lib/domain/colours";
import { boardColumns, pathTo, type Territory } from "@/lib/domain/territory";

/**
 * What every view of the board draws around the counts, shared by the board and meeting mode:
 * the columns of the division shown (its own level, 本级, then the divisions below it — the city's
 * counties, a county's towns …, each heading opening that division's board with `drill(id)`), the
 * way back up (`path`), the rows of each group, and the translated words for colours, empty cells,
 * cell titles and change marks.
 */
export async function loadBoardFrame(
  db: Db,
  p: {
    territory: Territory<DivisionRow>;
    node: number;
    /** Divisions with open risks counted at this moment: a retired division keeps its column while it has some. */
    counted: ReadonlySet<number>;
    drill: (regionId: number) => string;
  },
) {
  const [t, tc, locale] = [await getTranslations("board"), await getTranslations("colours"), await getLocale()];
  const self = p.territory.byId.get(p.node);
  const regions = boardColumns(p.territory, p.node, p.counted).map((r) =>
    r.id === p.node
      ? // "市本级" rather than "榆林市(市本级)": the column heads must fit a projected cell's width.
        { id: r.id, label: t(`ownLevel.${r.level}`), own: true }
      : { id: r.id, label: localName(r, locale), drill: p.drill(r.id) },
  );
  const path = pathTo(p.territory, p.node).map((d) => ({
    id: d.id,
    level: d.level,
    // The city's row is named "榆林市(市本级)" in the reference list; the way back up says "全市".
    label: d.level === "city" ? t("wholeCity") : localName(d, locale),
    href: p.drill(d.id),
  }));
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
  return { regions, rows, colours, labels, locale, path, level: self?.level ?? "city" };
}
