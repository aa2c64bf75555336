import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { recordExport } from "@/db/mutations/exports";
import { getSettings } from "@/db/queries/settings";
import { loadTerritory } from "@/db/queries/territory";
import { localName } from "@/i18n/locales";
import { hazardStatsDocument, periodLabel } from "@/lib/analysis/hazard-stats-document";
import { cityName } from "@/lib/analysis/load";
import { analysisPdf } from "@/lib/analysis/pdf";
import { findPdfFont } from "@/lib/analysis/pdf-font";
import { documentXlsx } from "@/lib/analysis/xlsx";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { divisionLabel } from "@/lib/domain/territory";
import { nameMaps } from "@/lib/history/names";
import { parseStatsQuery } from "@/lib/validation/hazard-stats";
import { hazardStatsView } from "@/lib/views/hazard-stats";

export const dynamic = "force-dynamic";

const TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * GET /api/exports/hazard-stats?period=month&at=2026-11-15&region=1&format=xlsx|pdf — the hazard
 * statistics as a document a leader signs (lines for the reviewer's signature and date at its end).
 * Recorded in the history like every export.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute(request, "hazard.read");
  if (auth instanceof Response) return auth;
  const t = await getTranslations("hazards.stats");
  const params = new URL(request.url).searchParams;
  const now = new Date();
  const asked = parseStatsQuery(Object.fromEntries(params), dayInZone(now, CITY_TIME_ZONE));
  const format = params.get("format");
  if ((format !== "pdf" && format !== "xlsx") || asked.ignored.length)
    return Response.json({ error: "invalidQuery", message: t("invalidExport") }, { status: 400 });
  const font = format === "pdf" ? findPdfFont() : null;
  if (format === "pdf" && !font)
    return Response.json(
      { error: "noFont", message: (await getTranslations("analysis"))("noPdfFont") },
      { status: 503 },
    );
  const [db, locale] = [getDb(), await getLocale()];
  const stats = await hazardStatsView(db, { kind: asked.kind, day: asked.day, region: asked.region, now });
  const territory = await loadTerritory(db);
  const settings = await getSettings(db);
  const division = divisionLabel(territory, stats.node, (d) => localName(d, locale));
  const doc = await hazardStatsDocument(stats, {
    names: await nameMaps(db, locale),
    organisation: settings.organisation || (await cityName(db, locale)),
    division,
    who: auth.user.displayName,
    now,
  });
  const body = format === "pdf" ? await analysisPdf(doc, font!) : await documentXlsx(doc, t("sheet"));
  await recordExport(db, {
    actor: auth.actor,
    now,
    data: { kind: "hazardStats", format, period: await periodLabel(stats), region: stats.node, bytes: body.length },
  });
  const name = `sise-hazards-${stats.period.kind}-${stats.period.from}.${format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
