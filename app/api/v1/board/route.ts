import { getDb } from "@/db/client";
import { apiBoard } from "@/db/queries/api";
import { authorizeApi } from "@/lib/auth/api-guard";

export const dynamic = "force-dynamic";

/** GET /api/v1/board — open risks per area × region × colour in the token's scope, and totals (docs/openapi.yaml). */
export async function GET(request: Request) {
  const caller = await authorizeApi(request);
  if (caller instanceof Response) return caller;
  return Response.json(await apiBoard(getDb(), caller.token), { headers: { "cache-control": "no-store" } });
}
