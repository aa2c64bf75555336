import { getLocale, getTranslations } from "next-intl/server";
import { hazardsSource } from "@/db/exports/hazards";
import { isLocale } from "@/i18n/locales";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { hazardExportWords } from "@/lib/exports/words";
import { hazardSearch, parseHazardQuery } from "@/lib/validation/hazard";
import { exportDownload } from "../respond";

export const dynamic = "force-dynamic";

/**
 * GET /api/exports/hazards?format=csv|xlsx&<the hazards register's filters> — the hazards as they
 * stand, for anyone who may read them (auditors included); recorded in the history like every export.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute(request, "hazard.read");
  if (auth instanceof Response) return auth;
  const [t, locale] = [await getTranslations("exports"), await getLocale()];
  const params = new URL(request.url).searchParams;
  const { query, ignored } = parseHazardQuery(Object.fromEntries(params));
  const format = params.get("format") ?? "csv";
  if (format !== "csv" && format !== "xlsx") ignored.push("format");
  if (ignored.length || (format !== "csv" && format !== "xlsx"))
    return Response.json(
      { error: "invalidFilter", message: t("invalidHazardFilter", { names: ignored.join(", ") }) },
      { status: 400 },
    );
  const filter = hazardSearch({ ...query, sort: undefined, page: undefined }).replace(/^\?/, "");
  const words = await hazardExportWords(isLocale(locale) ? locale : "zh-CN");
  return exportDownload({
    actor: auth.actor,
    format,
    query: filter,
    lines: {
      title: t("hazardsTitle"),
      scopeLine: filter ? t("hazardsPartial", { filter }) : t("hazardsFull"),
      countLine: (n) => t("hazardsCount", { n }),
    },
    rawNote: t("xlsx.registerRawNote"),
    open: (snapshot) => hazardsSource(snapshot, query, { filter, today: dayInZone(new Date(), CITY_TIME_ZONE), words }),
  });
}
