import "server-only";
import type { Db } from "@/db/client";
import { listAreas, listRegions, listUnits } from "@/db/queries/reference";
import { localName } from "@/i18n/locales";
import type { Scope } from "@/lib/auth/permissions";
import type { AREA_KINDS } from "@/lib/domain/areas";
import type { Option } from "./user-form";

export type { Option };

export type RiskFormOptions = {
  areas: Array<Option & { kind: (typeof AREA_KINDS)[number] }>;
  regions: Option[];
  units: Option[];
};

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
    regions: visible(await listRegions(db), keep?.regionId, scope?.within ?? scope?.regionIds).map((r) => ({
      id: r.id,
      label: localName(r, locale),
    })),
    units: visible(await listUnits(db), keep?.unitId).map((u) => ({ id: u.id, label: localName(u, locale) })),
  };
}
