import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getLiveSession } from "@/db/mutations/sessions";
import { getSettings } from "@/db/queries/settings";
import { loadTerritory } from "@/db/queries/territory";
import { getPrincipal, getUser } from "@/db/queries/users";
import { subtreesOf } from "@/lib/domain/territory";
import { sessionLimits } from "./config";
import { permissionsOf, type Permission, type Role, type Scope } from "./permissions";
import { readSessionId } from "./session";

/**
 * Where a signed-in person stands. Only "ready" may use the register; the other stages allow
 * exactly one step (enter the TOTP code, change the password, set up two-factor) and sign-out.
 */
export type Stage = "pendingTotp" | "mustChangePassword" | "mustEnrolTotp" | "ready";

export type CurrentUser = {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  scope: Scope;
  /** The units this person reports for (日报告) and closes follow-up tasks for. */
  unitIds: number[];
  permissions: Permission[];
  totpEnabled: boolean;
  stage: Stage;
  sessionId: string;
};

/** The signed-in user for this request (once per request), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const sessionId = await readSessionId();
  if (!sessionId) return null;
  const db = getDb();
  const session = await getLiveSession(db, { id: sessionId, now: new Date(), limits: sessionLimits() });
  if (!session) return null;
  const user = await getUser(db, { id: session.userId });
  if (!user) return null;
  const { roles, scope: named, unitIds } = await getPrincipal(db, { userId: user.id });
  // A scope reaches down the territory: a county officer works in every town and village of the county.
  const scope = { ...named, within: subtreesOf(await loadTerritory(db), named.regionIds).sort((a, b) => a - b) };
  const totpRequired = (await getSettings(db)).totpRequiredRoles.some((r) => roles.includes(r));
  const stage: Stage = session.pendingTotp
    ? "pendingTotp"
    : user.mustChangePassword
      ? "mustChangePassword"
      : totpRequired && !user.totpEnabled
        ? "mustEnrolTotp"
        : "ready";
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    scope,
    unitIds,
    permissions: [...permissionsOf(roles)],
    totpEnabled: user.totpEnabled,
    stage,
    sessionId,
  };
});
