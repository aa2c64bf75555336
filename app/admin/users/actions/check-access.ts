import "server-only";
import type { Db } from "@/db/client";
import { allActive } from "@/db/queries/reference";
import type { Role } from "@/lib/auth/permissions";
import type { RuleError } from "@/lib/domain/risk-rules";
import { typedDivision } from "@/lib/territory/typed-division";

/**
 * Scope lists must name active areas and regions; a scope without the officer role is pointless but
 * harmless. A division typed into the scope's picker and not picked (or sent without script) is
 * added to `access.regionIds` when the text names exactly one active division.
 */
export async function checkAccess(
  db: Db,
  access: { roles: Role[]; areaIds: number[]; regionIds: number[]; unitIds: number[] },
  form?: FormData,
) {
  const errors: Partial<Record<string, RuleError[]>> = {};
  if (form) {
    const typed = await typedDivision(db, form.get("regionIdsText"), { activeOnly: true });
    if (typed.error) errors.regionIds = [{ key: typed.error }];
    else if (typed.value && !access.regionIds.includes(Number(typed.value))) access.regionIds.push(Number(typed.value));
  }
  if (!(await allActive(db, { table: "areas", ids: access.areaIds }))) errors.areaIds = [{ key: "unknownArea" }];
  if (!(await allActive(db, { table: "regions", ids: access.regionIds })))
    errors.regionIds = [{ key: "unknownRegion" }];
  if (!(await allActive(db, { table: "units", ids: access.unitIds }))) errors.unitIds = [{ key: "unknownUnit" }];
  if (access.roles.includes("officer") && (access.areaIds.length === 0 || access.regionIds.length === 0)) {
    errors.areaIds = [...(errors.areaIds ?? []), { key: "officerNeedsScope" }];
  }
  return errors;
}
