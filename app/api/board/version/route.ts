import { getDb } from "@/db/client";
import { getBoardVersion } from "@/db/queries/board";
import { authorizeRoute } from "@/lib/auth/route-guard";

// Always answered from the database: a cached answer would freeze the board.
export const dynamic = "force-dynamic";

/**
 * GET /api/board/version — a number that changes whenever any risk changes (the newest risk
 * update instant). An open board polls it and re-renders only when it moves, so the picture stays
 * current in a meeting without reloading the page or losing the presenter's place.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute(request, "board.view", { sensitive: false });
  if (auth instanceof Response) return auth;
  return Response.json({ version: await getBoardVersion(getDb()) }, { headers: { "cache-control": "no-store" } });
}
