import { getDb } from "@/db/client";
import { checkStore } from "@/db/health-check";

/**
 * GET /api/health — whether this instance can reach its database: 200 {"store":"up"} or 503
 * {"store":"down"}. Public on purpose and says nothing else: a load balancer (nginx, a cloud's
 * health probe) takes an instance out of rotation with it, and the error page asks it whether to
 * show "temporarily unavailable" and when to try again.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  const up = await checkStore(getDb());
  return Response.json(
    { store: up ? "up" : "down" },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
