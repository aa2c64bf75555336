import "server-only";
import type { Db } from "@/db/client";
import { listAreas, listRegions, listUnits } from "@/db/queries/reference";
import { localName } from "@/i18n/locales";
import type { UserFormOptions } from "./user-form";

export async function userFormOptions(db: Db, locale: string): Promise<UserFormOptions> {
  const areas = await listAreas(db, { activeOnly: true });
  const opt = (r: { id: number; nameZh: string; nameEn: string }) => ({ id: r.id, label: localName(r, locale) });
  return {
    categories: areas.filter((a) => a.kind === "category").map(opt),
    domains: areas.filter((a) => a.kind === "domain").map(opt),
    regions: (await listRegions(db, { activeOnly: true })).map(opt),
    units: (await listUnits(db, { activeOnly: true })).map(opt),
  };
}
