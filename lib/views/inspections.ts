import "server-only";
import type { Db } from "@/db/client";
import { hazardNamers } from "./hazards";

/** Names an inspections page shows: units, domains, divisions by their path — the hazards pages' own. */
export async function inspectionNames(db: Db, locale: string) {
  const n = await hazardNamers(db, locale);
  return {
    unit: (id: number) => n.unit(id) ?? String(id),
    area: (id: number | null) => (id === null ? null : n.area(id)),
    region: n.region,
  };
}
