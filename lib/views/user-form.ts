import "server-only";
import type { Db } from "@/db/client";
import { listAreas, listUnits } from "@/db/queries/reference";
import { loadTerritory } from "@/db/queries/territory";
import { localName } from "@/i18n/locales";
import { divisionLabel } from "@/lib/domain/territory";

/** A labelled choice in a form (an area, region or unit in the user's language). */
export type Option = { id: number; label: string };
export type UserFormOptions = {
  categories: Option[];
  domains: Option[];
  /** Every active division as a box to tick — or, past {@link LIST_AT_MOST}, none: the scope's divisions are then found by typing. */
  regions: Option[] | null;
  /** The divisions already in the scope, labelled by their path (what the typeahead shows them as). */
  regionsChosen: Option[];
  units: Option[];
};

/** A city with its counties and a few towns reads well as boxes; a province's thousands of villages do not. */
export const LIST_AT_MOST = 60;

/** The admin's user form: the active areas, divisions and units to scope an account to. */
export async function userFormOptions(db: Db, locale: string, chosen: number[] = []): Promise<UserFormOptions> {
  const areas = await listAreas(db, { activeOnly: true });
  const opt = (r: { id: number; nameZh: string; nameEn: string }) => ({ id: r.id, label: localName(r, locale) });
  const territory = await loadTerritory(db);
  const label = (id: number) => ({ id, label: divisionLabel(territory, id, (d) => localName(d, locale)) });
  const active = [...territory.byId.values()].filter((d) => d.active);
  return {
    categories: areas.filter((a) => a.kind === "category").map(opt),
    domains: areas.filter((a) => a.kind === "domain").map(opt),
    regions: active.length <= LIST_AT_MOST ? active.map((d) => label(d.id)) : null,
    regionsChosen: chosen.filter((id) => territory.byId.has(id)).map(label),
    units: (await listUnits(db, { activeOnly: true })).map(opt),
  };
}
