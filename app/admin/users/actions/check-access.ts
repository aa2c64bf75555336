import "server-only";
import type { Db } from "@/db/client";
import { allActive } from "@/db/queries/reference";
import type { Role } from "@/lib/auth/permissions";
import type { RuleError } from "@/lib/domain/risk-rules";

/** Scope lists must name active areas and regions; a scope without the officer role is pointless but harmless. */
export async function checkAccess(
  db: Db,
  access: { roles: Role[]; areaIds: number[]; regionIds: number[]; unitIds: number[] },
) {
  const errors: Partial<Record<string, RuleError[]>> = {};
  if (!(await allActive(db, { table: "areas", ids: access.areaIds }))) errors.areaIds = [{ key: "unknownArea" }];
  if (!(await allActive(db, { table: "regions", ids: access.regionIds })))
    errors.regionIds = [{ key: "unknownRegion" }];
  if (!(await allActive(db, { table: "units", ids: access.unitIds }))) errors.unitIds = [{ key: "unknownUnit" }];
  if (access.roles.includes("officer") && (access.areaIds.length === 0 || access.regionIds.length === 0)) {
    errors.areaIds = [...(errors.areaIds ?? []), { key: "officerNeedsScope" }];
  }
  return errors;
}
