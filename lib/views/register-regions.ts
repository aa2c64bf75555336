import "server-only";
import type { Db } from "@/db/client";
import { loadTerritory } from "@/db/queries/territory";
import { localName } from "@/i18n/locales";
import { divisionLabel } from "@/lib/domain/territory";

/**
 * The register filter's divisions: the city and its counties to tick (each holds everything below
 * it), plus any division already in the filter (a town a board cell led to), labelled with its path.
 * Towns and villages are found with the filter's search rather than listed: there are thousands.
 */
export async function filterRegions(db: Db, locale: string, selected: ReadonlyArray<number> = []) {
  const territory = await loadTerritory(db);
  return [...territory.byId.values()]
    .filter((d) => ((d.level === "city" || d.level === "county") && d.active) || selected.includes(d.id))
    .map((d) => ({
      id: d.id,
      label:
        d.level === "city" || d.level === "county"
          ? localName(d, locale)
          : divisionLabel(territory, d.id, (x) => localName(x, locale)),
    }));
}
