import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AreaRegionBoard } from "@/components/board/area-region-board";
import { loadBoardFrame } from "@/components/board/board-frame";
import { FILLED } from "@/components/board/fills";
import { getDb } from "@/db/client";
import { listOpenMatrixCounts } from "@/db/queries/board";
import { presentBoard } from "@/db/queries/board-snapshot";
import { getSettings } from "@/db/queries/settings";
import { RiskMatrix } from "@/components/board/risk-matrix";
import { BoardExport } from "@/components/board/board-export";
import { BoardViews } from "@/components/board/board-views";
import { MeetingButton } from "@/components/board/meeting-button";
import { Legend } from "@/components/board/legend";
import { LiveRefresh } from "@/components/board/live-refresh";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { ReportingStrip } from "@/components/reports/reporting-strip";
import { dayReporting } from "@/components/reports/strip-data";
import { CITY_TIME_ZONE } from "@/lib/config";
import { compareBoards } from "@/lib/domain/board";
import { boardAsOf } from "@/db/history/as-of";
import { listBoardChanges, mapRiskCodes } from "@/db/queries/history";
import { nameMaps } from "@/lib/history/names";
import { RiskTimeline } from "@/components/risks/risk-timeline";
import { BoardTimeForm } from "@/components/board/board-time-form";
import { parseBoardTime, sinceInstant, sinceLabel } from "@/lib/validation/board-query";
import { getLastMeeting } from "@/db/queries/meetings";
import { isMeetingType, type MeetingType } from "@/lib/domain/meetings";
import { COLOURS } from "@/lib/domain/colours";
import { addDays, clockInZone, dayInZone, startOfDayInZone } from "@/lib/domain/dates";

/** 2026-11-25 14:30 in the city's zone as "20261125-1430", for file names. */
function stampFile(ms: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: CITY_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(ms));
  const v = Object.fromEntries(parts.map((p) => [p.type, p.value]));
  return `${v.year}${v.month}${v.day}-${v.hour}${v.minute}`;
}

/** A day means its end; a day and time means that minute, in the city's zone. */
function instantOf({ day, time }: { day: string; time?: string }): number {
  if (!time) return startOfDayInZone(addDays(day, 1), CITY_TIME_ZONE) - 1;
  const [h, m] = time.split(":").map(Number);
  return startOfDayInZone(day, CITY_TIME_ZONE) + (h * 60 + m) * 60_000;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("title") };
}

/**
 * The colour board: the 21 risk categories and 14 safety-production domains down, the city and its
 * 12 counties across; each cell coloured by its most severe open risk. Totals per colour, reds
 * awaiting a leader and overdue reviews on top, each a way into the register.
 */
export default async function BoardPage({ searchParams }: { searchParams: Promise<{ view?: string; asOf?: string; since?: string; sinceMeeting?: string }> }) {
  const user = await requirePageUser("board.view", "/board");
  const params = await searchParams;
  const view = params.view === "matrix" ? "matrix" : "grid";
  const db = getDb();
  const [t, tc, format] = [await getTranslations("board"), await getTranslations("colours"), await getFormatter()];
  const now = new Date();
  const today = dayInZone(now, CITY_TIME_ZONE);
  const { time, ignored } = parseBoardTime(params, today);
  const asOfMs = time.asOf ? instantOf(time.asOf) : null;
  // The present board is one indexed GROUP BY; a past one is rebuilt from the history.
  const present = presentBoard(db, today);
  const board = asOfMs === null ? present.board : boardAsOf(db.$client, asOfMs);
  // With no reference date, changes are marked since the last meeting of the chosen type (月研判 by default).
  const sinceMeeting: MeetingType | "none" = params.sinceMeeting === "none" ? "none" : isMeetingType(params.sinceMeeting) ? params.sinceMeeting : "monthly_review";
  const meeting = !time.since && sinceMeeting !== "none" ? getLastMeeting(db, { type: sinceMeeting, atOrBefore: asOfMs === null ? now : new Date(asOfMs) }) : undefined;
  if (meeting) time.since = `${dayInZone(meeting.heldAt, CITY_TIME_ZONE)}T${clockInZone(meeting.heldAt, CITY_TIME_ZONE)}`;
  const sinceMs = time.since ? sinceInstant(time.since, CITY_TIME_ZONE) : null;
  const compare = sinceMs !== null && (asOfMs === null || sinceMs < asOfMs);
  const marks = compare ? compareBoards(boardAsOf(db.$client, sinceMs), board) : undefined;
  const changes = compare ? listBoardChanges(db, { after: new Date(sinceMs), upto: asOfMs === null ? now : new Date(asOfMs) }) : { events: [], total: 0, capped: false };
  const { alerts } = present;
  const { regions, rows, colours, labels, locale } = await loadBoardFrame(db);
  return (
    <div className="flex flex-col gap-6">
      {asOfMs === null ? <LiveRefresh version={present.version} /> : null}
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <MeetingButton label={t("meeting.open")} href={`/board/meeting${compare ? `?since=${time.since}` : ""}`} />
        <BoardExport targetId="board-export" fileName={`sise-board-${stampFile(asOfMs ?? now.getTime())}`} title={t("title")}
          labels={{ png: t("export.png"), pdf: t("export.pdf"), working: t("export.working"), failed: t("export.failed") }} />
      </div>
      {can(user, "report.read") && asOfMs === null ? <ReportingStrip data={dayReporting(db, { day: today, nowMs: now.getTime(), locale }).strip} day={today} /> : null}
      <BoardTimeForm view={view} asOf={params.asOf} since={meeting ? undefined : time.since?.split("T")[0]} sinceMeeting={sinceMeeting} today={today} />
      {meeting && compare ? (
        <p data-testid="since-meeting" className="no-print text-sm text-neutral-800">
          {t("time.sinceMeeting", { type: t(`time.meetingTypes.${meeting.type}`), title: meeting.title, since: sinceLabel(time.since!) })}{" "}
          <Link href={`/meetings/${meeting.id}`} className="text-blue-800 underline">{t("time.openMeeting")}</Link>
        </p>
      ) : null}
      {ignored.length ? <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">{t("time.ignored", { names: ignored.join(", ") })}</p> : null}
      <div id="board-export" className="flex flex-col gap-6">
        <p data-testid="board-stamp" className="board-stamp text-sm text-neutral-800">
          <strong className="text-base">{t("title")}</strong>
          {" · "}
          {t("stamp", {
            view: t(view === "grid" ? "viewGrid" : "viewMatrix"),
            moment: format.dateTime(asOfMs === null ? now : new Date(asOfMs), { dateStyle: "medium", timeStyle: "short" }),
            time: format.dateTime(now, { dateStyle: "medium", timeStyle: "short" }),
            who: user.displayName,
          })}
          {compare ? ` · ${t("stampSince", { since: sinceLabel(time.since!) })}` : ""}
        </p>
        {asOfMs !== null ? (
          <p role="status" data-testid="as-of-banner" className="rounded border-2 border-neutral-800 bg-neutral-100 px-4 py-2 font-semibold">
            {t("time.historic", { time: format.dateTime(new Date(asOfMs), { dateStyle: "medium", timeStyle: "short" }) })}
          </p>
        ) : null}
        <div className="board-summary grid gap-3 lg:grid-cols-[3fr_1fr]">
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={t("totals")}>
            {COLOURS.map((c) => (
              <li key={c} data-testid={`total-${c}`} className={`flex flex-col rounded-lg p-4 ${FILLED[c]}`}>
                <span className="text-lg">{tc(c)} · {tc(`level.${c}`)}</span>
                <span className="text-5xl font-bold tabular-nums">{board.totals[c]}</span>
              </li>
            ))}
          </ul>
          <ul className="flex flex-col gap-2" aria-label={t("alerts")}>
            {[
              { id: "awaiting-ack", href: "/risks?ack=1", label: t("awaitingAck"), n: alerts.awaitingAck, tone: "border-red-700 text-red-900 hover:bg-red-50" },
              { id: "overdue", href: "/risks?overdue=1", label: t("overdue"), n: alerts.overdue, tone: "border-neutral-700 hover:bg-neutral-100" },
              ...(marks ? [{
                id: "changed-cells", href: "#changes-heading", label: t("time.changedCells", { since: sinceLabel(time.since!) }), n: marks.size, tone: "border-neutral-900 hover:bg-neutral-100",
                detail: t("time.changedCellsDetail", Object.fromEntries((["up", "down", "new", "cleared"] as const).map((k) => [k, [...marks.values()].filter((m) => m === k).length]))),
              }] : []),
            ].map((a) => (
              <li key={a.id}>
                <Link href={a.href} data-testid={a.id} className={`flex items-center justify-between gap-2 rounded-lg border-2 bg-white px-4 py-2 ${a.tone}`}>
                  <span className="flex flex-col text-base font-medium">
                    {a.label}
                    {"detail" in a ? <span className="text-sm font-normal tabular-nums">{a.detail}</span> : null}
                  </span>
                  <span className="text-3xl font-bold tabular-nums">{a.n}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <BoardViews current={view} />
        {view === "grid" ? (
          <>
            <AreaRegionBoard caption={t("categories")} areas={rows("category")} regions={regions} board={board} labels={labels} marks={marks} />
            <AreaRegionBoard caption={t("domains")} areas={rows("domain")} regions={regions} board={board} labels={labels} marks={marks} />
          </>
        ) : (
          <section className="flex flex-col items-start gap-2">
            <RiskMatrix counts={listOpenMatrixCounts(db)} thresholds={getSettings(db).thresholds}
              labels={{ caption: t("matrixCaption"), likelihood: t("likelihood"), severity: t("severity"), colours, cellTitle: (l, s, n, colour) => t("matrixCellTitle", { l, s, n, colour }) }} />
            <p className="text-sm text-neutral-700">{t("matrixHint")}</p>
          </section>
        )}
        <Legend className="text-sm" />
      </div>
      {view === "grid" && compare ? (
        // The printed board stays one page: the list of changes is for the screen (its marks are in the cells).
        <section aria-labelledby="changes-heading" className="no-print flex flex-col gap-2">
          <h2 id="changes-heading" className="text-xl font-semibold">{t(changes.capped ? "time.changesSinceMany" : "time.changesSince", { since: sinceLabel(time.since!), n: changes.total })}</h2>
          {changes.total > changes.events.length ? <p className="text-sm text-neutral-700">{t(changes.capped ? "time.changesLatestMany" : "time.changesLatest", { shown: changes.events.length, n: changes.total })}</p> : null}
          {changes.events.length ? <RiskTimeline events={changes.events} names={nameMaps(db, locale)} codes={mapRiskCodes(db, changes.events.map((e) => e.riskId))} /> : <p>{t("time.noChanges")}</p>}
        </section>
      ) : null}
    </div>
  );
}
