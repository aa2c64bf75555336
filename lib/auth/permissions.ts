/**
 * Roles and permissions, defined once. The UI asks `can` to decide what to show; every server
 * action and route handler asks the same table before it does anything. Pure: no framework imports,
 * so client components may use it to hide controls (hiding is convenience, never enforcement).
 */
/**
 * Inspectors (排查人员) find hazards and drive their rectification within their scope; they neither
 * grade risks nor accept rectifications.
 */
export const ROLES = ["admin", "officer", "leader", "auditor", "inspector"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "risk.read",
  "risk.create",
  "risk.edit",
  "risk.acknowledge",
  "board.view",
  "meeting.run",
  "history.read",
  "history.export",
  "history.verify",
  "users.manage",
  "reference.manage",
  "settings.manage",
  // The working rhythm (日报告、周分析、月研判): reading it, filing for one's own units, writing it up.
  "report.read",
  "report.file",
  "analysis.write",
  "meeting.read",
  "meeting.record",
  "task.complete",
  // Hidden hazards (隐患排查治理): reading them; recording inspections, hazards and their files;
  // rectifying (五落实, assignment, deadlines, reporting work done); accepting someone else's
  // rectification (验收 — a permission of its own); placing a major hazard under supervision (挂牌督办).
  "hazard.read",
  "hazard.record",
  "hazard.rectify",
  "hazard.accept",
  "hazard.supervise",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, ReadonlyArray<Permission>> = {
  // Admin runs the system, not the register: grading needs an officer role with a scope as well.
  admin: [
    "risk.read",
    "board.view",
    "history.read",
    "users.manage",
    "reference.manage",
    "settings.manage",
    "hazard.read",
  ],
  // Filing reports and closing tasks also needs membership of the unit (user_units), checked per unit.
  officer: [
    "risk.read",
    "risk.create",
    "risk.edit",
    "board.view",
    "history.read",
    "report.read",
    "report.file",
    "analysis.write",
    "meeting.read",
    "meeting.record",
    "task.complete",
    "hazard.read",
    "hazard.record",
    "hazard.rectify",
    "hazard.accept",
  ],
  leader: [
    "risk.read",
    "board.view",
    "meeting.run",
    "risk.acknowledge",
    "history.read",
    "report.read",
    "meeting.read",
    "meeting.record",
    "hazard.read",
    "hazard.accept",
    "hazard.supervise",
  ],
  auditor: [
    "risk.read",
    "board.view",
    "history.read",
    "history.export",
    "history.verify",
    "report.read",
    "meeting.read",
    "hazard.read",
  ],
  inspector: ["risk.read", "board.view", "history.read", "hazard.read", "hazard.record", "hazard.rectify"],
};

/** Permissions that only make sense inside an officer's scope of areas × regions. */
export const SCOPED_PERMISSIONS: ReadonlySet<Permission> = new Set([
  "risk.create",
  "risk.edit",
  "hazard.record",
  "hazard.rectify",
]);

export type Scope = {
  areaIds: ReadonlyArray<number>;
  /** The divisions the scope names (a county, a town …), as assigned. */
  regionIds: ReadonlyArray<number>;
  /**
   * The named divisions and every division below them (lib/domain/territory.ts), filled in when a
   * signed-in person's principal is loaded: a county's scope reaches its towns and villages.
   */
  within?: ReadonlyArray<number>;
};
export type Principal = { roles: ReadonlyArray<Role>; scope: Scope };

export function permissionsOf(roles: ReadonlyArray<Role>): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []));
}

export function can(principal: Principal | null | undefined, permission: Permission): boolean {
  return !!principal && permissionsOf(principal.roles).has(permission);
}

/**
 * Scope rule: a risk is in scope when its area is in the officer's list AND its division is one
 * the scope names or lies below one of them.
 */
export function inScope(scope: Scope, place: { areaId: number; regionId: number }): boolean {
  return scope.areaIds.includes(place.areaId) && (scope.within ?? scope.regionIds).includes(place.regionId);
}

/**
 * May this person change this risk? Editing needs the permission and the risk in scope; moving a
 * risk needs its new place in scope too, so an officer can neither take nor give away others' risks.
 */
export function canChangeRisk(
  principal: Principal | null | undefined,
  permission: "risk.create" | "risk.edit",
  ...places: Array<{ areaId: number; regionId: number }>
): boolean {
  if (!principal || !can(principal, permission)) return false;
  return places.every((p) => inScope(principal.scope, p));
}

/**
 * May this person take this step on a hazard at this place? Recording and rectifying need the place
 * in the person's areas × divisions, as a risk's edit does. Accepting and supervising: an officer
 * within that scope too; a leader within the divisions of theirs (a county's leader, that county
 * and below), or anywhere when no division is named (the city's leaders).
 */
export function canActOnHazard(
  principal: Principal | null | undefined,
  permission: "hazard.record" | "hazard.rectify" | "hazard.accept" | "hazard.supervise",
  place: { areaId: number; regionId: number },
): boolean {
  if (!principal || !can(principal, permission)) return false;
  if (inScope(principal.scope, place)) return true;
  if (permission !== "hazard.accept" && permission !== "hazard.supervise") return false;
  if (!principal.roles.includes("leader")) return false;
  const regions = principal.scope.within ?? principal.scope.regionIds;
  return principal.scope.regionIds.length === 0 || regions.includes(place.regionId);
}

/** May this person plan or end an inspection here? Recording's scope; a sweep over every domain needs only the division. */
export function canRecordInspection(
  principal: Principal | null | undefined,
  place: { areaId: number | null; regionId: number },
): boolean {
  if (!principal || !can(principal, "hazard.record")) return false;
  const regions = principal.scope.within ?? principal.scope.regionIds;
  return regions.includes(place.regionId) && (place.areaId === null || principal.scope.areaIds.includes(place.areaId));
}

export function isRole(value: unknown): value is Role {
  return (ROLES as ReadonlyArray<unknown>).includes(value);
}
