import "server-only";
import type { Db } from "@/db/client";
import { listAreas, listRegions, listUnits } from "@/db/queries/reference";
import { localName } from "@/i18n/locales";
import type { UserFormOptions } from "./user-form";

export function userFormOptions(db: Db, locale: string): UserFormOptions {
  const areas = listAreas(db, { activeOnly: true });
  const opt = (r: { id: number; nameZh: string; nameEn: string }) => ({ id: r.id, label: localName(r, locale) });
  return {
    categories: areas.filter((a) => a.kind === "category").map(opt),
    domains: areas.filter((a) => a.kind === "domain").map(opt),
    regions: listRegions(db, { activeOnly: true }).map(opt),
    units: listUnits(db, { activeOnly: true }).map(opt),
  };
}
