import type { Db } from "../db/client";
import { insertSession } from "../db/mutations/sessions";
import { insertUser } from "../db/mutations/users";
import { listAreas, listRegions } from "../db/queries/reference";
import { getUserByUsername } from "../db/queries/users";
import { generateToken, hashToken } from "../lib/auth/tokens";

/**
 * Benchmarks need a signed-in user, so they give themselves one through the app's own mutations:
 * "bench" (an auditor, for reads) or "bench-officer" (an officer whose scope is every area in every
 * region, for grade changes). The password hash is not a valid hash, so no password can ever sign
 * in as them; the session lasts an hour. Returns the Cookie header to send with every request.
 */
export async function benchSessionCookie(
  db: Db,
  { role = "auditor" }: { role?: "auditor" | "officer" } = {},
): Promise<string> {
  const now = new Date();
  const username = role === "officer" ? "bench-officer" : "bench";
  let id = (await getUserByUsername(db, { username }))?.id;
  if (id === undefined) {
    const scope =
      role === "officer"
        ? { areaIds: (await listAreas(db)).map((a) => a.id), regionIds: (await listRegions(db)).map((r) => r.id) }
        : { areaIds: [], regionIds: [] };
    const created = await insertUser(db, {
      username,
      displayName: username,
      passwordHash: "!",
      mustChangePassword: false,
      access: { roles: [role], scope, unitIds: [] },
      actor: { id: null, name: "system:bench" },
      now,
    });
    if (!created.ok) throw new Error(`bench user ${username}: ${created.error}`);
    id = created.id;
  }
  const token = generateToken();
  const hour = 60 * 60_000;
  await insertSession(db, {
    id: hashToken(token),
    userId: id,
    now,
    limits: { idleMs: hour, absoluteMs: hour },
    ip: null,
    userAgent: null,
  });
  return `sise_session=${token}`;
}
