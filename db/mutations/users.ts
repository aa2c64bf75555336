import "server-only";
import { and, eq } from "drizzle-orm";
import type { Role, Scope } from "@/lib/auth/permissions";
import type { Db } from "../store";
import { getPrincipal } from "../queries/users";
import { userRoles, userScopeAreas, userScopeRegions, userUnits, users } from "../schema";
import { appendEvent, type Actor, type Tx } from "./events";
import { deleteUserSessions } from "./sessions";

export type Access = { roles: Role[]; scope: Scope; unitIds: number[] };

async function writeAccess(tx: Tx, userId: number, access: Access) {
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  await tx.delete(userScopeAreas).where(eq(userScopeAreas.userId, userId));
  await tx.delete(userScopeRegions).where(eq(userScopeRegions.userId, userId));
  await tx.delete(userUnits).where(eq(userUnits.userId, userId));
  for (const role of new Set(access.roles)) await tx.insert(userRoles).values({ userId, role });
  for (const areaId of new Set(access.scope.areaIds)) await tx.insert(userScopeAreas).values({ userId, areaId });
  for (const regionId of new Set(access.scope.regionIds))
    await tx.insert(userScopeRegions).values({ userId, regionId });
  for (const unitId of new Set(access.unitIds)) await tx.insert(userUnits).values({ userId, unitId });
}

const sorted = (xs: ReadonlyArray<number | string>) => [...new Set(xs)].sort();

/** Creates an account with its roles and scope; the history records who created it and with what access. */
export function insertUser(
  db: Db,
  u: {
    username: string;
    displayName: string;
    passwordHash: string;
    mustChangePassword: boolean;
    access: Access;
    actor: Actor;
    now: Date;
  },
): Promise<{ ok: true; id: number } | { ok: false; error: "taken" }> {
  return db.write(async (tx) => {
    if ((await tx.select({ id: users.id }).from(users).where(eq(users.username, u.username)).limit(1))[0])
      return { ok: false as const, error: "taken" as const };
    const { id } = (
      await tx
        .insert(users)
        .values({
          username: u.username,
          displayName: u.displayName,
          passwordHash: u.passwordHash,
          mustChangePassword: u.mustChangePassword,
          createdAt: u.now,
          updatedAt: u.now,
        })
        .returning({ id: users.id })
    )[0];
    await writeAccess(tx, id, u.access);
    await appendEvent(tx, {
      at: u.now,
      actor: u.actor,
      action: "user.create",
      newValue: {
        username: u.username,
        displayName: u.displayName,
        roles: sorted(u.access.roles),
        areaIds: sorted(u.access.scope.areaIds),
        regionIds: sorted(u.access.scope.regionIds),
        unitIds: sorted(u.access.unitIds),
      },
      data: { userId: id },
    });
    return { ok: true as const, id };
  });
}

export type UserWriteResult = { ok: true } | { ok: false; error: "notFound" | "conflict" };

/**
 * Replaces a user's name, roles and scope, made from `expectedVersion`: a concurrent edit by another
 * admin is a conflict, never a silent overwrite. Role and scope changes are separate events.
 */
export function updateUserAccess(
  db: Db,
  u: { userId: number; expectedVersion: number; displayName: string; access: Access; actor: Actor; now: Date },
): Promise<UserWriteResult> {
  return db.write(async (tx) => {
    const row = (
      await tx
        .select({ version: users.version, displayName: users.displayName })
        .from(users)
        .where(eq(users.id, u.userId))
        .limit(1)
    )[0];
    if (!row) return { ok: false as const, error: "notFound" as const };
    if (row.version !== u.expectedVersion) return { ok: false as const, error: "conflict" as const };
    const before = await getPrincipal(tx, { userId: u.userId });
    const data = { userId: u.userId };
    const changes: Array<[string, unknown, unknown]> = [
      ["displayName", row.displayName, u.displayName],
      ["roles", before.roles, sorted(u.access.roles)],
      ["areaIds", before.scope.areaIds, sorted(u.access.scope.areaIds)],
      ["regionIds", before.scope.regionIds, sorted(u.access.scope.regionIds)],
      ["unitIds", before.unitIds, sorted(u.access.unitIds)],
    ];
    const changed = changes.filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b));
    if (changed.length === 0) return { ok: true as const };
    await tx
      .update(users)
      .set({ displayName: u.displayName, version: row.version + 1, updatedAt: u.now })
      .where(eq(users.id, u.userId));
    await writeAccess(tx, u.userId, u.access);
    for (const [field, oldValue, newValue] of changed) {
      const action =
        field === "roles"
          ? "user.roles"
          : field === "displayName"
            ? "user.rename"
            : field === "unitIds"
              ? "user.units"
              : "user.scope";
      await appendEvent(tx, { at: u.now, actor: u.actor, action, field, oldValue, newValue, data });
    }
    return { ok: true as const };
  });
}

/**
 * Sets a new password hash and ends the user's other sessions. `reset` (by an admin) forces a
 * change at next sign-in and ends every session; a user's own change keeps the session they used.
 */
export function setPassword(
  db: Db,
  p: {
    userId: number;
    passwordHash: string;
    kind: "reset" | "change";
    keepSessionId?: string;
    actor: Actor;
    now: Date;
  },
): Promise<UserWriteResult> {
  return db.write(async (tx) => {
    const row = (await tx.select({ version: users.version }).from(users).where(eq(users.id, p.userId)).limit(1))[0];
    if (!row) return { ok: false as const, error: "notFound" as const };
    await tx
      .update(users)
      .set({
        passwordHash: p.passwordHash,
        mustChangePassword: p.kind === "reset",
        version: row.version + 1,
        updatedAt: p.now,
      })
      .where(eq(users.id, p.userId));
    await deleteUserSessions(tx, { userId: p.userId, exceptId: p.kind === "change" ? p.keepSessionId : undefined });
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: p.kind === "reset" ? "user.password_reset" : "user.password_change",
      data: { userId: p.userId },
    });
    return { ok: true as const };
  });
}

/** Deactivation ends every session at once; history naming the user stays as it was. */
export function setUserActive(
  db: Db,
  p: { userId: number; active: boolean; actor: Actor; now: Date },
): Promise<UserWriteResult> {
  return db.write(async (tx) => {
    const row = (
      await tx
        .select({ version: users.version, active: users.active })
        .from(users)
        .where(eq(users.id, p.userId))
        .limit(1)
    )[0];
    if (!row) return { ok: false as const, error: "notFound" as const };
    if (row.active === p.active) return { ok: true as const };
    await tx
      .update(users)
      .set({ active: p.active, version: row.version + 1, updatedAt: p.now })
      .where(eq(users.id, p.userId));
    if (!p.active) await deleteUserSessions(tx, { userId: p.userId });
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: p.active ? "user.reactivate" : "user.deactivate",
      data: { userId: p.userId },
    });
    return { ok: true as const };
  });
}

/** Two-factor state changes: start enrolment, confirm it, or remove it (own choice or admin reset). */
export function setPendingTotp(db: Db, p: { userId: number; secret: string }): Promise<void> {
  return db.write(async (tx) => {
    await tx.update(users).set({ totpPendingSecret: p.secret }).where(eq(users.id, p.userId));
  });
}

export function enableTotp(db: Db, p: { userId: number; step: number; actor: Actor; now: Date }) {
  return db.write(async (tx) => {
    const row = (
      await tx
        .select({ pending: users.totpPendingSecret, version: users.version })
        .from(users)
        .where(eq(users.id, p.userId))
        .limit(1)
    )[0];
    if (!row?.pending) return;
    await tx
      .update(users)
      .set({
        totpSecret: row.pending,
        totpPendingSecret: null,
        totpLastStep: p.step,
        version: row.version + 1,
        updatedAt: p.now,
      })
      .where(eq(users.id, p.userId));
    await appendEvent(tx, { at: p.now, actor: p.actor, action: "user.totp_enable", data: { userId: p.userId } });
  });
}

export function disableTotp(db: Db, p: { userId: number; actor: Actor; now: Date }): Promise<UserWriteResult> {
  return db.write(async (tx) => {
    const row = (await tx.select({ version: users.version }).from(users).where(eq(users.id, p.userId)).limit(1))[0];
    if (!row) return { ok: false as const, error: "notFound" as const };
    await tx
      .update(users)
      .set({
        totpSecret: null,
        totpPendingSecret: null,
        totpLastStep: null,
        version: row.version + 1,
        updatedAt: p.now,
      })
      .where(eq(users.id, p.userId));
    await appendEvent(tx, { at: p.now, actor: p.actor, action: "user.totp_disable", data: { userId: p.userId } });
    return { ok: true as const };
  });
}

/** Accepts a TOTP step only if it is newer than the last one used (no replay inside the window). */
export function consumeTotpStep(db: Db, p: { userId: number; step: number }): Promise<boolean> {
  return db.write(async (tx) => {
    const row = (await tx.select({ last: users.totpLastStep }).from(users).where(eq(users.id, p.userId)).limit(1))[0];
    if (!row || (row.last !== null && p.step <= row.last)) return false;
    await tx
      .update(users)
      .set({ totpLastStep: p.step })
      .where(and(eq(users.id, p.userId)));
    return true;
  });
}
