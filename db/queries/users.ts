import "server-only";
import { and, asc, count, eq, inArray, ne } from "drizzle-orm";
import { verifyPassword } from "@/lib/auth/password";
import { isRole, type Role, type Scope } from "@/lib/auth/permissions";
import type { Db } from "../store";
import { userRoles, userScopeAreas, userScopeRegions, userUnits, users } from "../schema";

/** Columns safe to hand to pages and actions: never the password hash or TOTP secrets. */
const publicColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  totpEnabled: users.totpSecret,
  lastSignInAt: users.lastSignInAt,
  version: users.version,
  createdAt: users.createdAt,
};

function toPublic<T extends { totpEnabled: string | null }>(row: T): Omit<T, "totpEnabled"> & { totpEnabled: boolean } {
  return { ...row, totpEnabled: row.totpEnabled !== null };
}

/** Same normalisation everywhere a username is typed: NFKC (full-width → ASCII), trimmed, lower-case. */
export function normaliseUsername(input: string): string {
  return input.normalize("NFKC").trim().toLowerCase();
}

export async function countUsers(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(users).limit(1))[0]?.n ?? 0;
}

export async function getUser(db: Db, { id }: { id: number }) {
  const row = (await db.select(publicColumns).from(users).where(eq(users.id, id)).limit(1))[0];
  return row ? toPublic(row) : undefined;
}

export type PublicUser = NonNullable<Awaited<ReturnType<typeof getUser>>>;

export async function getUserByUsername(db: Db, { username }: { username: string }) {
  const row = (
    await db
      .select(publicColumns)
      .from(users)
      .where(eq(users.username, normaliseUsername(username)))
      .limit(1)
  )[0];
  return row ? toPublic(row) : undefined;
}

export async function listUsers(db: Db) {
  const rows = (await db.select(publicColumns).from(users).orderBy(asc(users.username))).map(toPublic);
  const roles = await listRolesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, roles: roles.get(r.id) ?? [] }));
}

async function listRolesOf(db: Pick<Db, "select">, ids: number[]): Promise<Map<number, Role[]>> {
  const out = new Map<number, Role[]>();
  if (ids.length === 0) return out;
  for (const { userId, role } of await db.select().from(userRoles).where(inArray(userRoles.userId, ids))) {
    if (isRole(role)) out.set(userId, [...(out.get(userId) ?? []), role]);
  }
  return out;
}

/** What the permission checks need: roles and the officer scope (areas × regions). */
export async function getPrincipal(
  db: Pick<Db, "select">,
  { userId }: { userId: number },
): Promise<{ roles: Role[]; scope: Scope; unitIds: number[] }> {
  const roles = (await listRolesOf(db, [userId])).get(userId) ?? [];
  const areaIds = (
    await db.select({ id: userScopeAreas.areaId }).from(userScopeAreas).where(eq(userScopeAreas.userId, userId))
  ).map((r) => r.id);
  const regionIds = (
    await db.select({ id: userScopeRegions.regionId }).from(userScopeRegions).where(eq(userScopeRegions.userId, userId))
  ).map((r) => r.id);
  const unitIds = (await db.select({ id: userUnits.unitId }).from(userUnits).where(eq(userUnits.userId, userId))).map(
    (r) => r.id,
  );
  return {
    roles: [...roles].sort(),
    scope: { areaIds: areaIds.sort((a, b) => a - b), regionIds: regionIds.sort((a, b) => a - b) },
    unitIds: unitIds.sort((a, b) => a - b),
  };
}

export type CredentialCheck = { status: "ok"; user: PublicUser } | { status: "invalid" } | { status: "inactive" };

/**
 * Checks a username and password. The argon2 work happens whether or not the user exists, so
 * neither the answer nor its timing tells an attacker which usernames are real. An inactive
 * account is only reported once the password has proved who is asking.
 */
export async function checkCredentials(
  db: Db,
  { username, password }: { username: string; password: string },
): Promise<CredentialCheck> {
  const row = (
    await db
      .select({ id: users.id, hash: users.passwordHash, active: users.active })
      .from(users)
      .where(eq(users.username, normaliseUsername(username)))
      .limit(1)
  )[0];
  const ok = await verifyPassword(row?.hash, password);
  if (!row || !ok) return { status: "invalid" };
  if (!row.active) return { status: "inactive" };
  return { status: "ok", user: (await getUser(db, { id: row.id }))! };
}

/** TOTP secrets: read only to verify a code, or to show its owner the pending one while enrolling. */
export async function getTotpState(db: Db, { userId }: { userId: number }) {
  return (
    await db
      .select({ secret: users.totpSecret, pending: users.totpPendingSecret, lastStep: users.totpLastStep })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1)
  )[0];
}

/** Active admins other than `exceptId`: the last one may not be deactivated or lose the role. */
export async function countOtherActiveAdmins(db: Db, { exceptId }: { exceptId: number }): Promise<number> {
  return (
    (
      await db
        .select({ n: count() })
        .from(userRoles)
        .innerJoin(users, eq(users.id, userRoles.userId))
        .where(and(eq(userRoles.role, "admin"), eq(users.active, true), ne(users.id, exceptId)))
        .limit(1)
    )[0]?.n ?? 0
  );
}
