import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { recordExport } from "@/db/mutations/exports";
import { buildAnalysisDocument } from "@/lib/analysis/document";
import { analysisDocx } from "@/lib/analysis/docx";
import { chooseWeek, loadWeeklyAnalysis } from "@/lib/analysis/load";
import { reportingDivisions } from "@/lib/views/reporting";
import { analysisPdf } from "@/lib/analysis/pdf";
import { findPdfFont } from "@/lib/analysis/pdf-font";
import { authorizeRoute } from "@/lib/auth/route-guard";

export const dynamic = "force-dynamic";

const DOCUMENT_ROWS = 2000;

const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/**
 * GET /api/exports/analysis?week=2026-W47&format=pdf|docx — the weekly analysis as a document to
 * hand out at the meeting. Recorded in the history like every export.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute(request, "report.read");
  if (auth instanceof Response) return auth;
  const t = await getTranslations("analysis");
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "pdf";
  const now = new Date();
  const week = chooseWeek(params.get("week") ?? undefined, now);
  if ((format !== "pdf" && format !== "docx") || week.ignored || !params.get("week")) {
    return Response.json({ error: "invalidQuery", message: t("invalidExport") }, { status: 400 });
  }
  const font = format === "pdf" ? findPdfFont() : null;
  if (format === "pdf" && !font) return Response.json({ error: "noFont", message: t("noPdfFont") }, { status: 503 });
  const db = getDb();
  const locale = await getLocale();
  const { region } = await reportingDivisions(db, locale, params.get("region") ?? undefined);
  const { analysis, names, organisation } = await loadWeeklyAnalysis(db, {
    monday: week.monday,
    now,
    locale,
    rowLimit: DOCUMENT_ROWS,
    region,
  });
  // A document lists up to DOCUMENT_ROWS rows per table (about 50 pages); beyond that the history export is the place.
  const doc = await buildAnalysisDocument(analysis, {
    names,
    organisation,
    who: auth.user.displayName,
    now,
    rowLimit: DOCUMENT_ROWS,
  });
  const body = format === "pdf" ? await analysisPdf(doc, font!) : await analysisDocx(doc);
  await recordExport(db, {
    actor: auth.actor,
    now,
    data: { kind: "analysis", format, week: week.label, bytes: body.length },
  });
  const name = `sise-weekly-${week.label}.${format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
