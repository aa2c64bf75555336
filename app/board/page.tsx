import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AreaRegionBoard } from "@/components/board/area-region-board";
import { HazardStrip } from "@/components/hazards/hazard-strip";
import { BoardExport } from "@/components/board/board-export";
import { BoardSummary } from "@/components/board/board-summary";
import { BoardTimeForm } from "@/components/board/board-time-form";
import { BoardViews } from "@/components/board/board-views";
import { Legend } from "@/components/board/legend";
import { TerritoryPath } from "@/components/board/territory-path";
import { LiveRefresh } from "@/components/board/live-refresh";
import { MeetingButton } from "@/components/board/meeting-button";
import { RiskMatrix } from "@/components/board/risk-matrix";
import { ReportingStrip } from "@/components/reports/reporting-strip";
import { RiskTimeline } from "@/components/risks/risk-timeline";
import { getDb } from "@/db/client";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { sinceLabel } from "@/lib/validation/board-query";
import { loadBoardView, stampFile, type BoardParams } from "@/lib/views/board";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("title") };
}

/**
 * The colour board: the 21 risk categories and 14 safety-production domains down, the city and its
 * 12 counties across; each cell coloured by its most severe open risk. One compact band on top —
 * totals per colour, reds awaiting a leader, overdue reviews, what changed, today's reporting — so
 * the grid starts on the first screen of a laptop; the moment and the reference are one line that
 * opens to change them.
 */
export default async function BoardPage({ searchParams }: { searchParams: Promise<BoardParams> }) {
  const user = await requirePageUser("board.view", "/board");
  // A county leader's (or town officer's) board opens at their own division; the way up is one click.
  const v = await loadBoardView(getDb(), await searchParams, new Date(), { home: user.scope.regionIds });
  const [t, format] = [await getTranslations("board"), await getFormatter()];
  const { frame, board, marks, asOfMs, now } = v;
  const moment = format.dateTime(asOfMs === null ? now : new Date(asOfMs), { dateStyle: "medium", timeStyle: "short" });
  const changes = v.view === "grid" ? await v.changes() : null;
  // Open hazards: the strip and each cell's small count, for those who may read them (present board only).
  const hazards = can(user, "hazard.read") ? await v.hazards() : null;
  const th = await getTranslations("hazards.cell");
  const hazardLabels = hazards
    ? { ...frame.labels, hazard: { short: th("short"), title: th.raw("cellTitle") as string } }
    : frame.labels;
  const query = v.query ? `?${v.query}` : "";
  const meetingQuery = new URLSearchParams([
    ...(v.regionAsked ? [["region", String(v.node)]] : []),
    ...(v.compare ? [["since", v.time.since!]] : []),
  ]).toString();
  return (
    <div className="flex flex-col gap-3">
      {asOfMs === null ? <LiveRefresh version={v.present.version} /> : null}
      <div className="no-print flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <BoardViews current={v.view} />
        <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
          <MeetingButton label={t("meeting.open")} href={`/board/meeting${meetingQuery ? `?${meetingQuery}` : ""}`} />
          <BoardExport
            targetId="board-export"
            fileName={`sise-board-${stampFile(asOfMs ?? now.getTime())}`}
            pdfHref={`/api/exports/board${query}${query ? "&" : "?"}format=pdf`}
            labels={{
              png: t("export.png"),
              pdf: t("export.pdf"),
              working: t("export.working"),
              failed: t("export.failed"),
            }}
          />
        </div>
      </div>
      <TerritoryPath
        path={frame.path}
        label={t("territoryNav")}
        hint={frame.regions.length > 1 ? t("drillHint") : undefined}
      />
      <BoardTimeForm
        view={v.view}
        asOf={v.asOfParam && v.time.asOf ? v.asOfParam : undefined}
        since={v.meeting ? undefined : v.time.since?.split("T")[0]}
        sinceMeeting={v.sinceMeeting}
        today={v.today}
        summary={[
          asOfMs === null ? t("time.summaryNow") : t("time.summaryAsOf", { time: moment }),
          v.compare && v.meeting
            ? t("time.summarySinceMeeting", {
                type: t(`time.meetingTypes.${v.meeting.type}`),
                since: sinceLabel(v.time.since!),
              })
            : v.compare
              ? t("time.summarySince", { since: sinceLabel(v.time.since!) })
              : t("time.summaryNoCompare"),
        ].join(" · ")}
        meetingLink={
          v.meeting && v.compare
            ? {
                href: `/meetings/${v.meeting.id}`,
                label: t("time.sinceMeeting", {
                  type: t(`time.meetingTypes.${v.meeting.type}`),
                  title: v.meeting.title,
                  since: sinceLabel(v.time.since!),
                }),
                open: t("time.openMeeting"),
              }
            : undefined
        }
      />
      {v.ignored.length ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          {t("time.ignored", { names: v.ignored.join(", ") })}
        </p>
      ) : null}
      {/* Today's reporting and the open hazards: side by side where there is room, so the grid stays on the first screen. */}
      <div className="grid gap-2 xl:grid-cols-2">
        {can(user, "report.read") && asOfMs === null ? (
          <ReportingStrip data={await v.reporting()} day={v.today} compact />
        ) : null}
        {hazards ? <HazardStrip totals={hazards.totals} region={v.node} /> : null}
      </div>
      <div id="board-export" className="flex flex-col gap-3">
        <p data-testid="board-stamp" className="board-stamp hidden text-xs text-neutral-700 sm:block">
          <strong className="text-sm">{t("title")}</strong>
          {" · "}
          {t("stamp", {
            view: t(v.view === "grid" ? "viewGrid" : "viewMatrix"),
            moment,
            time: format.dateTime(now, { dateStyle: "medium", timeStyle: "short" }),
            who: user.displayName,
          })}
          {v.compare ? ` · ${t("stampSince", { since: sinceLabel(v.time.since!) })}` : ""}
        </p>
        {asOfMs !== null ? (
          <p
            role="status"
            data-testid="as-of-banner"
            className="rounded border-2 border-neutral-800 bg-neutral-100 px-4 py-2 font-semibold"
          >
            {t("time.historic", { time: moment })}
          </p>
        ) : null}
        <BoardSummary
          totals={board.totals}
          alerts={v.present.alerts}
          marks={marks}
          since={v.compare ? sinceLabel(v.time.since!) : undefined}
        />
        {v.view === "grid" ? (
          <>
            <AreaRegionBoard
              caption={t("categories")}
              areas={frame.rows("category")}
              regions={frame.regions}
              board={board}
              labels={hazardLabels}
              marks={marks}
              hazards={hazards?.cells}
            />
            <AreaRegionBoard
              caption={t("domains")}
              areas={frame.rows("domain")}
              regions={frame.regions}
              board={board}
              labels={hazardLabels}
              marks={marks}
              hazards={hazards?.cells}
            />
          </>
        ) : (
          <section className="flex flex-col items-start gap-2">
            <RiskMatrix
              counts={v.matrix!.counts}
              thresholds={v.matrix!.thresholds}
              labels={{
                caption: t("matrixCaption"),
                likelihood: t("likelihood"),
                severity: t("severity"),
                colours: frame.colours,
                cellTitle: (l, s, n, colour) => t("matrixCellTitle", { l, s, n, colour }),
              }}
            />
            <p className="text-sm text-neutral-700">{t("matrixHint")}</p>
          </section>
        )}
        <Legend className="text-sm" />
      </div>
      {changes && v.compare ? (
        // The printed board stays one page: the list of changes is for the screen (its marks are in the cells).
        <section aria-labelledby="changes-heading" className="no-print flex flex-col gap-2">
          <h2 id="changes-heading" className="text-xl font-semibold">
            {t(changes.capped ? "time.changesSinceMany" : "time.changesSince", {
              since: sinceLabel(v.time.since!),
              n: changes.total,
            })}
          </h2>
          {changes.total > changes.events.length ? (
            <p className="text-sm text-neutral-700">
              {t(changes.capped ? "time.changesLatestMany" : "time.changesLatest", {
                shown: changes.events.length,
                n: changes.total,
              })}
            </p>
          ) : null}
          {changes.events.length && changes.names ? (
            <RiskTimeline events={changes.events} names={changes.names} codes={changes.codes} />
          ) : (
            <p>{t("time.noChanges")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
