import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Actor } from "@/lib/domain/actor";
import type { FormState } from "@/lib/validation/form-state";
import { getCurrentUser, type CurrentUser, type Stage } from "./current-user";
import { can, type Permission } from "./permissions";

export type Authorized = { ok: true; user: CurrentUser; actor: Actor & { id: number } };
export type Denied = {
  ok: false;
  status: 401 | 403;
  key: "auth.signInRequired" | "auth.forbidden" | "auth.finishSignIn";
};

export const actorOf = (user: Pick<CurrentUser, "id" | "displayName" | "username">): Actor & { id: number } => ({
  id: user.id,
  name: `${user.displayName} (${user.username})`,
});

/**
 * The check every server action and route handler makes first. `permission` names what the call
 * does; `stage` lets the few sign-in steps run before the account is fully ready.
 */
export async function authorize(
  permission: Permission | null,
  { stage = "ready" }: { stage?: Stage | Stage[] } = {},
): Promise<Authorized | Denied> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, status: 401, key: "auth.signInRequired" };
  if (!(Array.isArray(stage) ? stage : [stage]).includes(user.stage))
    return { ok: false, status: 403, key: user.stage === "ready" ? "auth.forbidden" : "auth.finishSignIn" };
  if (permission && !can(user, permission)) return { ok: false, status: 403, key: "auth.forbidden" };
  return { ok: true, user, actor: actorOf(user) };
}

/** The form-action face of a refusal: a translated message, nothing written. */
export function deniedState(denied: Denied): FormState {
  return { ok: false, message: { key: denied.key } };
}

/**
 * For pages: anonymous → sign-in page (coming back afterwards); a sign-in step not done → that
 * step; lacking the permission → the translated 403 page. Pages hide what they cannot do, but the
 * actions they call check again.
 */
export async function requirePageUser(permission: Permission | null, returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/login?next=${encodeURIComponent(returnTo)}` : "/login");
  if (user.stage === "pendingTotp") redirect("/login/verify");
  if (user.stage === "mustChangePassword") redirect("/account/password");
  if (user.stage === "mustEnrolTotp") redirect("/account/two-factor");
  if (permission && !can(user, permission)) forbidden();
  return user;
}
