import { getDb } from "@/db/client";
import { loadTerritory } from "@/db/queries/territory";
import { localName } from "@/i18n/locales";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { divisionLabel, findDivisions } from "@/lib/domain/territory";
import { getLocale } from "next-intl/server";

export const dynamic = "force-dynamic";

/**
 * GET /api/divisions?q=青云[&for=edit] — the division picker's answers (typeahead among thousands):
 * up to 20 divisions whose name contains the text or whose code starts with it, each with its path.
 * `for=edit` offers only the active divisions the caller may register risks in (their scope, reaching
 * down); `for=active` any active division (a scope to give); otherwise any division, for filters.
 * Answered from the territory held in memory.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute(request, "risk.read", { sensitive: false });
  if (auth instanceof Response) return auth;
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, 50);
  const edit = params.get("for") === "edit";
  const activeOnly = edit || params.get("for") === "active";
  const [territory, locale] = [await loadTerritory(getDb()), await getLocale()];
  const found = findDivisions(territory, q, {
    allowed: edit ? new Set(auth.user.scope.within ?? auth.user.scope.regionIds) : undefined,
    activeOnly,
  });
  return Response.json(
    {
      divisions: found.map((d) => ({
        id: d.id,
        code: d.code,
        level: d.level,
        active: d.active,
        label: divisionLabel(territory, d.id, (x) => localName(x, locale)),
      })),
    },
    { headers: { "cache-control": "no-store" } },
  );
}
