import "server-only";
import { getTranslations } from "next-intl/server";
import { authorize, type Authorized } from "./guard";
import type { Permission } from "./permissions";
import { isSameOrigin } from "./request-info";

/**
 * The first line of every route handler (exports, API). Like server actions it checks the session
 * and the permission itself; a handler that changes state or exports data also refuses cross-site
 * requests (Sec-Fetch-Site / Origin), which Next checks for server actions but not for routes.
 * Returns the caller, or the translated 401/403 JSON response to send as is.
 */
export async function authorizeRoute(
  request: Request,
  permission: Permission,
  { sensitive = true }: { sensitive?: boolean } = {},
): Promise<Authorized | Response> {
  const t = await getTranslations("auth");
  if (sensitive && !isSameOrigin(request.headers, request.url)) {
    return Response.json({ error: "crossSite", message: t("crossSite") }, { status: 403 });
  }
  const auth = await authorize(permission);
  if (!auth.ok) {
    const key = auth.key.replace(/^auth\./, "");
    return Response.json({ error: key, message: t(key) }, { status: auth.status });
  }
  return auth;
}
