import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { openDatabase } from "@/db/connection";
import { registerSource } from "@/db/exports/register";
import { appendEvent, writeTransaction } from "@/db/mutations/events";
import { localName } from "@/i18n/locales";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { parseRegisterQuery, registerSearch } from "@/lib/validation/register-query";
import { exportResponse } from "../respond";

export const dynamic = "force-dynamic";

/**
 * GET /api/exports/register?<the register's filters> — the register as it stands, as CSV, for anyone
 * who may read it; the same columns as the import template. Recorded in the history like every export.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute(request, "risk.read");
  if (auth instanceof Response) return auth;
  const [t, tc, ts, format, locale] = [await getTranslations("exports"), await getTranslations("colours"), await getTranslations("statuses"), await getFormatter(), await getLocale()];
  const params = new URL(request.url).searchParams;
  const { query, ignored } = parseRegisterQuery(Object.fromEntries(params));
  const fileFormat = params.get("format") ?? "csv";
  if (fileFormat !== "csv" && fileFormat !== "xlsx") ignored.push("format");
  if (ignored.length) {
    return Response.json({ error: "invalidFilter", message: t("invalidRegisterFilter", { names: ignored.join(", ") }) }, { status: 400 });
  }
  const filter = registerSearch({ ...query, sort: undefined, page: undefined }).replace(/^\?/, "");
  const now = new Date();
  writeTransaction(getDb(), (tx) => appendEvent(tx, { at: now, actor: auth.actor, action: "export", data: { kind: "register", format: fileFormat, scope: filter ? "partial" : "full", filter } }));
  // Its own read-only connection to the same file: a long read never holds the server's connection.
  const sqlite = openDatabase(getDb().$client.name, { readonly: true });
  const source = registerSource(sqlite, query, {
    filter,
    today: dayInZone(now, CITY_TIME_ZONE),
    name: (r) => localName(r, locale),
    words: { colour: (c) => tc(c as "red"), status: (s) => ts(s as "closed") },
  });
  const meta = {
    title: t("registerTitle"),
    scopeLine: filter ? t("registerPartial", { filter }) : t("registerFull"),
    exporterLine: t("exporter", { who: auth.actor.name, time: format.dateTime(now, { dateStyle: "medium", timeStyle: "medium" }), utc: now.toISOString() }),
    countLine: (n: number) => t("registerCount", { n }),
    query: filter,
    timeZone: CITY_TIME_ZONE,
  };
  const stamp = now.toISOString().slice(0, 19).replace(/[-:T]/g, "");
  return exportResponse(source, meta, fileFormat as "csv" | "xlsx", `sise-register-${filter ? "partial" : "full"}-${stamp}`, () => sqlite.close());
}
