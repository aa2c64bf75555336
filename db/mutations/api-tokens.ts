import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import type { Db } from "../store";
import { apiTokens } from "../schema";
import { appendEvent, type Actor } from "./events";

/** Issues a read-only API token; returns the token itself, which is never stored and shown once. */
export function issueApiToken(
  db: Db,
  p: { name: string; areaIds: number[]; regionIds: number[]; actor: Actor & { id: number }; now: Date },
): Promise<{ id: number; token: string }> {
  const token = `sise_${generateToken()}`;
  return db.write(async (tx) => {
    const row = (
      await tx
        .insert(apiTokens)
        .values({
          name: p.name,
          tokenHash: hashToken(token),
          areaIds: p.areaIds,
          regionIds: p.regionIds,
          createdBy: p.actor.id,
          createdAt: p.now,
        })
        .returning({ id: apiTokens.id })
    )[0];
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "api_token.issue",
      newValue: { id: row.id, name: p.name, areaIds: p.areaIds, regionIds: p.regionIds },
    });
    return { id: row.id, token };
  });
}

/** Revokes a token at once; false when it was unknown or already revoked. */
export function revokeApiToken(db: Db, p: { id: number; actor: Actor; now: Date }): Promise<boolean> {
  return db.write(async (tx) => {
    const done = (
      await tx
        .update(apiTokens)
        .set({ revokedAt: p.now })
        .where(and(eq(apiTokens.id, p.id), isNull(apiTokens.revokedAt)))
        .returning({ name: apiTokens.name })
    )[0];
    if (!done) return false;
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "api_token.revoke",
      oldValue: { id: p.id, name: done.name },
    });
    return true;
  });
}

/** Notes when a token was last used, for the admin's list (the caller writes it at most once a minute). */
export function touchApiToken(db: Db, p: { id: number; now: Date }): Promise<void> {
  return db.write(async (tx) => {
    await tx.update(apiTokens).set({ lastUsedAt: p.now }).where(eq(apiTokens.id, p.id));
  });
}
