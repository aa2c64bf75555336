import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../store";
import { apiTokens, type ApiToken } from "../schema";

/** Every token an admin has issued, newest first, revoked ones included (the admin's list). */
export async function listApiTokens(db: Db): Promise<ApiToken[]> {
  return await db.select().from(apiTokens).orderBy(desc(apiTokens.id));
}

/** The live (not revoked) token with this digest, if any. */
export async function findLiveApiToken(db: Db, { tokenHash }: { tokenHash: string }): Promise<ApiToken | undefined> {
  return (
    await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .limit(1)
  )[0];
}
