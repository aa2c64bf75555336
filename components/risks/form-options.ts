import "server-only";
import type { Db } from "@/db/client";
import { listAreas, listRegions, listUnits } from "@/db/queries/reference";
import { localName } from "@/i18n/locales";
import type { RiskFormOptions } from "./risk-form";

/** Active reference rows as labelled options; `keep` adds an inactive row a risk still points at. */
export function riskFormOptions(db: Db, locale: string, keep?: { areaId: number; regionId: number; unitId: number }): RiskFormOptions {
  const visible = <T extends { id: number; active: boolean }>(rows: T[], id?: number) => rows.filter((r) => r.active || r.id === id);
  return {
    areas: visible(listAreas(db), keep?.areaId).map((a) => ({ id: a.id, kind: a.kind, label: localName(a, locale) })),
    regions: visible(listRegions(db), keep?.regionId).map((r) => ({ id: r.id, label: localName(r, locale) })),
    units: visible(listUnits(db), keep?.unitId).map((u) => ({ id: u.id, label: localName(u, locale) })),
  };
}
