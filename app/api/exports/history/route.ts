import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { historySource } from "@/db/exports/history";
import { historyExportWords } from "@/lib/exports/words";
import { nameMaps } from "@/lib/history/names";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { filterQuery, isFullExport, parseHistoryFilter } from "@/lib/validation/export-query";
import { exportDownload } from "../respond";

export const dynamic = "force-dynamic";

/**
 * GET /api/exports/history?format=csv|xlsx&from&to&area&region&colour&actor&action — the history
 * (auditors), streamed in one snapshot, in chunks, yielding between them: it starts at once, holds
 * constant memory, and neither blocks the server's connection nor starves other requests.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute(request, "history.export");
  if (auth instanceof Response) return auth;
  const t = await getTranslations("exports");
  const params = new URL(request.url).searchParams;
  const parsed = parseHistoryFilter(params);
  const format = params.get("format") ?? "csv";
  if (!parsed.ok || (format !== "csv" && format !== "xlsx")) {
    const fields = parsed.ok ? ["format"] : parsed.fields;
    return Response.json(
      {
        error: "invalidFilter",
        message: t("invalidFilter", { fields: fields.map((f) => t(`fields.${f}`)).join("、") }),
      },
      { status: 400 },
    );
  }
  const { filter } = parsed;
  const query = filterQuery(filter);
  const words = format === "xlsx" ? await historyExportWords(await nameMaps(getDb(), await getLocale())) : undefined;
  return exportDownload({
    actor: auth.actor,
    format,
    query,
    lines: {
      title: t("historyTitle"),
      scopeLine: isFullExport(filter) ? t("full") : t("partial", { filter: query }),
      countLine: (n) => t("count", { n }),
    },
    rawNote: t("xlsx.rawNote"),
    csvWorker: { filter, timeZone: CITY_TIME_ZONE },
    open: (snapshot, f) =>
      historySource(snapshot, filter, CITY_TIME_ZONE, { format: f, words: f === "xlsx" ? words : undefined }),
  });
}
