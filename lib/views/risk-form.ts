import "server-only";
import type { Db } from "@/db/client";
import { listAreas, listUnits } from "@/db/queries/reference";
import { loadTerritory } from "@/db/queries/territory";
import { divisionLabel } from "@/lib/domain/territory";
import { localName } from "@/i18n/locales";
import type { Scope } from "@/lib/auth/permissions";
import type { AREA_KINDS } from "@/lib/domain/areas";
import type { Option } from "./user-form";

export type { Option };

export type RiskFormOptions = {
  areas: Array<Option & { kind: (typeof AREA_KINDS)[number] }>;
  /** The divisions offered as a list — or, past PICKER_AFTER of them, none: the form then searches (a typeahead). */
  regions: Option[];
  /** With a typeahead: the division the risk is at now (for an edit), shown as chosen. */
  regionSearch?: { selected: Option | null };
  units: Option[];
};

/** More divisions than this are searched by typing rather than listed (a county's villages run to hundreds). */
export const PICKER_AFTER = 60;

/**
 * Active reference rows as labelled options; `keep` adds an inactive row a risk still points at.
 * With a `scope`, an officer is offered only the areas and regions they may grade (the server
 * enforces the same rule; this only spares them choices that would be refused).
 */
export async function riskFormOptions(
  db: Db,
  locale: string,
  opts: { keep?: { areaId: number; regionId: number; unitId: number }; scope?: Scope } = {},
): Promise<RiskFormOptions> {
  const { keep, scope } = opts;
  const visible = <T extends { id: number; active: boolean }>(
    rows: T[],
    id?: number,
    allowed?: ReadonlyArray<number>,
  ) => rows.filter((r) => (r.active || r.id === id) && (!allowed || allowed.includes(r.id)));
  return {
    areas: visible(await listAreas(db), keep?.areaId, scope?.areaIds).map((a) => ({
      id: a.id,
      kind: a.kind,
      label: localName(a, locale),
    })),
    ...(await regionChoices(db, locale, keep?.regionId, scope?.within ?? scope?.regionIds)),
    units: visible(await listUnits(db), keep?.unitId).map((u) => ({ id: u.id, label: localName(u, locale) })),
  };
}

/**
 * The divisions a risk may be placed at, labelled with their path below the city (榆阳区 › 示例镇一):
 * as a list while there are few, else nothing but the current one, for the typeahead.
 */
async function regionChoices(db: Db, locale: string, keep: number | undefined, allowed?: ReadonlyArray<number>) {
  const territory = await loadTerritory(db);
  const allowedSet = allowed ? new Set(allowed) : undefined;
  const rows = [...territory.byId.values()].filter(
    (r) => (r.active || r.id === keep) && (!allowedSet || allowedSet.has(r.id)),
  );
  const label = (id: number) => divisionLabel(territory, id, (d) => localName(d, locale));
  if (rows.length <= PICKER_AFTER) return { regions: rows.map((r) => ({ id: r.id, label: label(r.id) })) };
  return {
    regions: [],
    regionSearch: {
      selected: keep !== undefined && territory.byId.has(keep) ? { id: keep, label: label(keep) } : null,
    },
  };
}
