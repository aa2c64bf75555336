import "server-only";
import { getTranslations } from "next-intl/server";
import { RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/db/client";
import { touchApiToken } from "@/db/mutations/api-tokens";
import { findLiveApiToken } from "@/db/queries/api-tokens";
import { sharedRateLimiter } from "@/db/rate-limits";
import type { ApiToken } from "@/db/schema";
import { hashToken } from "./tokens";

/**
 * The first line of every /api/v1 handler: a Bearer token that an admin issued and has not revoked,
 * within its rate (per token: 20 requests per second sustained, bursts absorbed over the second —
 * enough for a nightly sync, not enough to crowd out the people using Sise; counted across every
 * instance on PostgreSQL). Answers the 401/429 in words (translated) as the response to send.
 * Read-only by construction: the API has only GETs.
 */
const RATE = { points: 20, duration: 1 };
const LAST_USED_EVERY_MS = 60_000;

export type ApiCaller = { token: ApiToken };

export async function authorizeApi(request: Request): Promise<ApiCaller | Response> {
  const t = await getTranslations("api");
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!match)
    return Response.json(
      { error: "unauthorized", message: t("missingToken") },
      { status: 401, headers: { "www-authenticate": "Bearer" } },
    );
  const db = getDb();
  const token = await findLiveApiToken(db, { tokenHash: hashToken(match[1]) });
  if (!token)
    return Response.json(
      { error: "unauthorized", message: t("badToken") },
      { status: 401, headers: { "www-authenticate": "Bearer" } },
    );
  try {
    await sharedRateLimiter(db, "api", RATE).consume(token.tokenHash);
  } catch (e) {
    // Only a spent rate is a 429; the store failing (PostgreSQL away) is not the caller's doing.
    if (!(e instanceof RateLimiterRes)) throw e;
    const retry = Math.ceil(e.msBeforeNext / 1000);
    return Response.json(
      { error: "rateLimited", message: t("rateLimited", { seconds: retry }) },
      { status: 429, headers: { "retry-after": String(retry) } },
    );
  }
  // When it was last used, for the admin's list — written at most once a minute per token.
  const now = new Date();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await touchApiToken(db, { id: token.id, now });
  }
  return { token };
}
