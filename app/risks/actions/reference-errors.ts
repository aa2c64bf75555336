import "server-only";
import type { Db } from "@/db/client";
import { allActive, checkReferences } from "@/db/queries/reference";
import type { RiskDetails } from "@/lib/validation/risk";

/** The referenced area, region and units must exist and be active (zod checks only their shape). */
export async function referenceErrors(
  db: Db,
  d: Pick<RiskDetails, "areaId" | "regionId" | "responsibleUnitId" | "coUnitIds">,
): Promise<Partial<Record<string, string[]>>> {
  const refs = await checkReferences(db, { areaId: d.areaId, regionId: d.regionId, unitId: d.responsibleUnitId });
  const errors: Partial<Record<string, string[]>> = {};
  if (!refs.area) errors.areaId = ["unknownArea"];
  if (!refs.region) errors.regionId = ["unknownRegion"];
  if (!refs.unit) errors.responsibleUnitId = ["unknownUnit"];
  if (!(await allActive(db, { table: "units", ids: d.coUnitIds }))) errors.coUnitIds = ["unknownUnit"];
  return errors;
}
