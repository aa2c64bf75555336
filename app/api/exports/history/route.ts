import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { openDatabase } from "@/db/connection";
import { historyCsv } from "@/db/exports/history-csv";
import { appendEvent, writeTransaction } from "@/db/mutations/events";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { csvResponse } from "@/lib/http/csv-response";
import { filterQuery, isFullExport, parseHistoryFilter } from "@/lib/validation/export-query";

export const dynamic = "force-dynamic";

/**
 * GET /api/exports/history?from&to&area&region&colour&actor&action — the history as CSV (auditors).
 * The export is itself recorded in the history first (who, which filter), then streamed from a
 * read-only connection of its own in one snapshot, in chunks, yielding between them: it starts at
 * once, holds constant memory, and neither blocks the server's connection nor starves other requests.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute(request, "history.export");
  if (auth instanceof Response) return auth;
  const [t, format] = [await getTranslations("exports"), await getFormatter()];
  const parsed = parseHistoryFilter(new URL(request.url).searchParams);
  if (!parsed.ok) {
    return Response.json({ error: "invalidFilter", message: t("invalidFilter", { fields: parsed.fields.map((f) => t(`fields.${f}`)).join("、") }) }, { status: 400 });
  }
  const { filter } = parsed;
  const query = filterQuery(filter);
  const now = new Date();
  const full = isFullExport(filter);
  writeTransaction(getDb(), (tx) => appendEvent(tx, { at: now, actor: auth.actor, action: "export", data: { kind: "history", format: "csv", scope: full ? "full" : "partial", filter: query } }));

  // Its own read-only connection to the same file: a long read never holds the server's connection.
  const sqlite = openDatabase(getDb().$client.name, { readonly: true });
  const rows = historyCsv(sqlite, filter, {
    title: t("historyTitle"),
    scopeLine: full ? t("full") : t("partial", { filter: query }),
    exporterLine: t("exporter", { who: auth.actor.name, time: format.dateTime(now, { dateStyle: "medium", timeStyle: "medium" }), utc: now.toISOString() }),
    countLine: (n) => t("count", { n }),
    query,
    timeZone: CITY_TIME_ZONE,
  });
  const stamp = now.toISOString().slice(0, 19).replace(/[-:T]/g, "");
  return csvResponse(rows, () => sqlite.close(), `sise-history-${full ? "full" : "partial"}-${stamp}.csv`);
}
