import { getLocale, getTranslations } from "next-intl/server";
import { registerSource } from "@/db/exports/register";
import { isLocale } from "@/i18n/locales";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { registerExportWords } from "@/lib/exports/words";
import { parseRegisterQuery, registerSearch, searchParamsRecord } from "@/lib/validation/register-query";
import { exportDownload } from "../respond";

export const dynamic = "force-dynamic";

/**
 * GET /api/exports/register?format=csv|xlsx&<the register's filters> — the register as it stands,
 * for anyone who may read it; the import's columns, headed in the reader's language.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute(request, "risk.read");
  if (auth instanceof Response) return auth;
  const [t, locale] = [await getTranslations("exports"), await getLocale()];
  const params = new URL(request.url).searchParams;
  const { query, ignored } = parseRegisterQuery(searchParamsRecord(params));
  const format = params.get("format") ?? "csv";
  if (format !== "csv" && format !== "xlsx") ignored.push("format");
  if (ignored.length || (format !== "csv" && format !== "xlsx")) {
    return Response.json(
      { error: "invalidFilter", message: t("invalidRegisterFilter", { names: ignored.join(", ") }) },
      { status: 400 },
    );
  }
  const filter = registerSearch({ ...query, sort: undefined, page: undefined }).replace(/^\?/, "");
  const words = await registerExportWords(isLocale(locale) ? locale : "zh-CN");
  return exportDownload({
    actor: auth.actor,
    format,
    query: filter,
    lines: {
      title: t("registerTitle"),
      scopeLine: filter ? t("registerPartial", { filter }) : t("registerFull"),
      countLine: (n) => t("registerCount", { n }),
    },
    rawNote: t("xlsx.registerRawNote"),
    open: (snapshot) =>
      registerSource(snapshot, query, { filter, today: dayInZone(new Date(), CITY_TIME_ZONE), words }),
  });
}
