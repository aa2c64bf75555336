import "server-only";
import type { Db } from "@/db/client";
import { listAreas, listRegions, listUnits } from "@/db/queries/reference";
import { localName } from "@/i18n/locales";
import type { Names } from "./describe";

/** id → name in the reader's language for every area, region and unit (retired ones included: history names them). */
export async function nameMaps(db: Db, locale: string): Promise<Names> {
  const byId = (rows: Array<{ id: number; nameZh: string; nameEn: string }>) =>
    new Map(rows.map((r) => [r.id, localName(r, locale)]));
  return { areas: byId(await listAreas(db)), regions: byId(await listRegions(db)), units: byId(await listUnits(db)) };
}
