import "server-only";
import type { Db } from "@/db/client";
import { loadTerritory } from "@/db/queries/territory";
import { localName } from "@/i18n/locales";
import { divisionLabel } from "@/lib/domain/territory";
import { typedDivision } from "@/lib/territory/typed-division";

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

/**
 * The text typed into the filter's division picker (`regionText`), when it came without a picked
 * division — the filter sent without script, or typed and not picked: the search to go to with the
 * division it names added to the filter (and the text gone), or why it names none. Undefined when
 * nothing was typed.
 */
export async function typedRegionFilter(
  db: Db,
  params: Record<string, string | string[] | undefined>,
): Promise<{ ok: true; search: string } | { ok: false; error: "divisionNotFound" | "divisionAmbiguous" } | undefined> {
  const found = await typedDivision(db, [params.regionText].flat()[0]);
  if (found.error) return { ok: false, error: found.error };
  if (!found.value) return undefined;
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    for (const value of [v ?? []].flat())
      if (k !== "regionText" && !(k === "region" && value === "")) next.append(k, value);
  if (!next.getAll("region").includes(found.value)) next.append("region", found.value);
  next.delete("page");
  return { ok: true, search: next.toString() };
}
