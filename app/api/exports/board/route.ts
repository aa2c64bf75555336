import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { recordExport } from "@/db/mutations/exports";
import { findPdfFont } from "@/lib/analysis/pdf-font";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { boardPdf } from "@/lib/board/pdf";
import { COLOURS, type Colour } from "@/lib/domain/colours";
import { sinceLabel } from "@/lib/validation/board-query";
import { searchParamsRecord } from "@/lib/validation/register-query";
import { loadBoardView, stampFile } from "@/lib/views/board";

export const dynamic = "force-dynamic";

/**
 * GET /api/exports/board?format=pdf&view&asOf&since&sinceMeeting — the board as the page shows it
 * (the same loader), drawn as one A4 landscape PDF with real text for the minutes. Recorded in the
 * history like every export.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute(request, "board.view");
  if (auth instanceof Response) return auth;
  const [t, tc, te, format] = [
    await getTranslations("board"),
    await getTranslations("colours"),
    await getTranslations("exports"),
    await getFormatter(),
  ];
  const params = new URL(request.url).searchParams;
  if ((params.get("format") ?? "pdf") !== "pdf")
    return Response.json({ error: "invalidQuery", message: te("invalidBoardExport") }, { status: 400 });
  const font = findPdfFont();
  if (!font)
    return Response.json(
      { error: "noFont", message: (await getTranslations("analysis"))("noPdfFont") },
      { status: 503 },
    );
  const db = getDb();
  const now = new Date();
  const v = await loadBoardView(db, searchParamsRecord(params), now);
  if (v.ignored.length)
    return Response.json(
      { error: "invalidQuery", message: t("time.ignored", { names: v.ignored.join(", ") }) },
      { status: 400 },
    );
  const moment = format.dateTime(v.asOfMs === null ? now : new Date(v.asOfMs), {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const byColour = (f: (c: Colour) => string) =>
    Object.fromEntries(COLOURS.map((c) => [c, f(c)])) as Record<Colour, string>;
  const stamp =
    t("stamp", {
      view: t(v.view === "grid" ? "viewGrid" : "viewMatrix"),
      moment,
      time: format.dateTime(now, { dateStyle: "medium", timeStyle: "short" }),
      who: auth.user.displayName,
    }) + (v.compare ? ` · ${t("stampSince", { since: sinceLabel(v.time.since!) })}` : "");
  // Below the city the title names the division by its path, so a printed town's board says which town.
  const where = v.frame.path.slice(1).map((d) => d.label);
  const words = {
    title: where.length ? `${t("title")} · ${where.join(" › ")}` : t("title"),
    stamp,
    totalsLabel: t("totals"),
    colours: byColour((c) => tc(c)),
    levels: byColour((c) => tc(`level.${c}`)),
    legend: byColour((c) => t(`legend.${c}`)),
    alerts: [
      { label: t("awaitingAck"), n: v.present.alerts.awaitingAck },
      { label: t("overdue"), n: v.present.alerts.overdue },
      ...(v.marks && v.compare
        ? [{ label: t("time.changedCells", { since: sinceLabel(v.time.since!) }), n: v.marks.size }]
        : []),
    ],
    groups: { categories: t("categories"), domains: t("domains"), area: t("area") },
    matrix: { caption: t("matrixCaption"), likelihood: t("likelihood"), severity: t("severity") },
    banner: v.asOfMs !== null ? t("time.historic", { time: moment }) : undefined,
  };
  const body =
    v.view === "grid"
      ? await boardPdf(
          {
            view: "grid",
            board: v.board,
            regions: v.frame.regions,
            categories: v.frame.rows("category"),
            domains: v.frame.rows("domain"),
            marks: v.marks,
          },
          words,
          font,
        )
      : await boardPdf(
          { view: "matrix", board: v.board, counts: v.matrix!.counts, thresholds: v.matrix!.thresholds },
          words,
          font,
        );
  await recordExport(db, {
    actor: auth.actor,
    now,
    data: { kind: "board", format: "pdf", view: v.view, filter: v.query },
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="sise-board-${stampFile(v.asOfMs ?? now.getTime())}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
