import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { openDatabase } from "@/db/connection";
import { countHistory, historySource } from "@/db/exports/history";
import { XLSX_MAX_ROWS } from "@/db/exports/xlsx-file";
import { appendEvent, writeTransaction } from "@/db/mutations/events";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { filterQuery, isFullExport, parseHistoryFilter } from "@/lib/validation/export-query";
import { exportResponse } from "../respond";

export const dynamic = "force-dynamic";

/**
 * GET /api/exports/history?format=csv|xlsx&from&to&area&region&colour&actor&action — the history
 * (auditors). The export is itself recorded in the history first (who, which filter), then streamed
 * from a read-only connection of its own in one snapshot, in chunks, yielding between them: it starts
 * at once, holds constant memory, and neither blocks the server's connection nor starves other requests.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute(request, "history.export");
  if (auth instanceof Response) return auth;
  const [t, format] = [await getTranslations("exports"), await getFormatter()];
  const params = new URL(request.url).searchParams;
  const parsed = parseHistoryFilter(params);
  const fileFormat = params.get("format") ?? "csv";
  if (!parsed.ok || (fileFormat !== "csv" && fileFormat !== "xlsx")) {
    const fields = parsed.ok ? ["format"] : parsed.fields;
    return Response.json({ error: "invalidFilter", message: t("invalidFilter", { fields: fields.map((f) => t(`fields.${f}`)).join("、") }) }, { status: 400 });
  }
  const { filter } = parsed;
  const query = filterQuery(filter);
  const now = new Date();
  const full = isFullExport(filter);
  // Its own read-only connection to the same file: a long read never holds the server's connection.
  const sqlite = openDatabase(getDb().$client.name, { readonly: true });
  // An XLSX over Excel's sheet limit is refused before the export is recorded (+1: its own event).
  const rows = fileFormat === "xlsx" ? countHistory(sqlite, filter, CITY_TIME_ZONE) + 1 : 0;
  if (rows > XLSX_MAX_ROWS) {
    sqlite.close();
    return Response.json({ error: "tooManyRows", message: t("xlsxTooMany", { n: rows, max: XLSX_MAX_ROWS }) }, { status: 413 });
  }
  writeTransaction(getDb(), (tx) => appendEvent(tx, { at: now, actor: auth.actor, action: "export", data: { kind: "history", format: fileFormat, scope: full ? "full" : "partial", filter: query } }));
  const source = historySource(sqlite, filter, CITY_TIME_ZONE);
  const meta = {
    title: t("historyTitle"),
    scopeLine: full ? t("full") : t("partial", { filter: query }),
    exporterLine: t("exporter", { who: auth.actor.name, time: format.dateTime(now, { dateStyle: "medium", timeStyle: "medium" }), utc: now.toISOString() }),
    countLine: (n: number) => t("count", { n }),
    query,
    timeZone: CITY_TIME_ZONE,
  };
  const stamp = now.toISOString().slice(0, 19).replace(/[-:T]/g, "");
  return exportResponse(source, meta, fileFormat, `sise-history-${full ? "full" : "partial"}-${stamp}`, () => sqlite.close());
}
