import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { apiEvents } from "@/db/queries/api";
import { authorizeApi } from "@/lib/auth/api-guard";
import { apiEventsQuery, parseApiQuery } from "@/lib/validation/api-query";

export const dynamic = "force-dynamic";

/** GET /api/v1/events?since=SEQ — history events after a sequence number, for incremental sync (docs/openapi.yaml). */
export async function GET(request: Request) {
  const caller = await authorizeApi(request);
  if (caller instanceof Response) return caller;
  const q = parseApiQuery(apiEventsQuery, request.url);
  if (!q.ok)
    return Response.json(
      { error: "badRequest", message: (await getTranslations("api"))("badQuery", { names: q.names.join(", ") }) },
      { status: 400 },
    );
  return Response.json(await apiEvents(getDb(), caller.token, q.data), { headers: { "cache-control": "no-store" } });
}
