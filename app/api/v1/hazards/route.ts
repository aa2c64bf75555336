import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { apiHazards } from "@/db/queries/api";
import { authorizeApi } from "@/lib/auth/api-guard";
import { apiHazardsQuery, parseApiQuery } from "@/lib/validation/api-query";

export const dynamic = "force-dynamic";

/** GET /api/v1/hazards — hazards in the token's scope, filterable, paged by an id cursor (docs/openapi.yaml). */
export async function GET(request: Request) {
  const caller = await authorizeApi(request);
  if (caller instanceof Response) return caller;
  const q = parseApiQuery(apiHazardsQuery, request.url);
  if (!q.ok)
    return Response.json(
      { error: "badRequest", message: (await getTranslations("api"))("badQuery", { names: q.names.join(", ") }) },
      { status: 400 },
    );
  const { area, region, status, grade, after, limit } = q.data;
  return Response.json(
    await apiHazards(getDb(), caller.token, {
      areaCode: area,
      regionCode: region,
      status,
      grade,
      afterId: after,
      limit,
    }),
    { headers: { "cache-control": "no-store" } },
  );
}
