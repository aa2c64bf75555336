import "server-only";
import type { Actor } from "@/db/mutations/risks";

/**
 * Who is acting. Accounts arrive with issue #3 (sign-in, roles, scopes); until then Sise runs as a
 * single local workspace and every write is attributed to the local user, which the history shows
 * as such. Every server action already asks this function, so #3 replaces its body, not the callers.
 */
export async function getActor(): Promise<Actor> {
  return { id: null, name: "system:local" };
}
