import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { apiTokens, type ApiToken } from "../schema";

/** Every token an admin has issued, newest first, revoked ones included (the admin's list). */
export function listApiTokens(db: Db): ApiToken[] {
  return db.select().from(apiTokens).orderBy(desc(apiTokens.id)).all();
}

/** The live (not revoked) token with this digest, if any. */
export function findLiveApiToken(db: Db, { tokenHash }: { tokenHash: string }): ApiToken | undefined {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .get();
}
