import "server-only";
import type { Db } from "@/db/client";
import { listAreas, listRegions, listUnits } from "@/db/queries/reference";
import { localName } from "@/i18n/locales";

/** A labelled choice in a form (an area, region or unit in the user's language). */
export type Option = { id: number; label: string };
export type UserFormOptions = { categories: Option[]; domains: Option[]; regions: Option[]; units: Option[] };

/** The admin's user form: every active area, region and unit to scope an account to. */
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
