import "server-only";
import type { Db } from "@/db/client";
import { listAreas, listUnits } from "@/db/queries/reference";
import { loadTerritory } from "@/db/queries/territory";
import { localName } from "@/i18n/locales";
import { divisionLabel } from "@/lib/domain/territory";

/** Names an inspections page shows: units, domains, divisions by their path. */
export async function inspectionNames(db: Db, locale: string) {
  const [units, areas, territory] = [await listUnits(db), await listAreas(db), await loadTerritory(db)];
  const unitNames = new Map(units.map((u) => [u.id, localName(u, locale)]));
  const areaNames = new Map(areas.map((a) => [a.id, localName(a, locale)]));
  return {
    unit: (id: number) => unitNames.get(id) ?? String(id),
    area: (id: number | null) => (id === null ? null : (areaNames.get(id) ?? String(id))),
    region: (id: number) =>
      territory.byId.has(id) ? divisionLabel(territory, id, (d) => localName(d, locale)) : String(id),
  };
}
