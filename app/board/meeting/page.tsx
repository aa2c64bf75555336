import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AreaRegionBoard } from "@/components/board/area-region-board";
import { FILLED } from "@/components/board/fills";
import { Legend } from "@/components/board/legend";
import { LiveRefresh } from "@/components/board/live-refresh";
import { MeetingShell } from "@/components/board/meeting-shell";
import { getDb } from "@/db/client";
import { requirePageUser } from "@/lib/auth/guard";
import { changedStops } from "@/lib/domain/presenter";
import { sinceLabel } from "@/lib/validation/board-query";
import { COLOURS } from "@/lib/domain/colours";
import { singleValues, type SearchParams } from "@/lib/validation/params";
import { loadBoardView } from "@/lib/views/board";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("meeting.title") };
}

const GROUPS = ["category", "domain"] as const;

/**
 * Meeting mode: one group (the 21 categories or the 14 domains) at a time, filling the screen, with
 * the totals, the reds awaiting acknowledgement and the four colour definitions; no edit controls.
 * Live like the board. With `since`, the cells that changed since that day are marked ↑ ↓ ＋ × and
 * PageDown/PageUp step through them (components/board/meeting-shell.tsx); Esc returns to the board.
 */
export default async function MeetingPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("board.view", "/board/meeting");
  const params = singleValues(await searchParams);
  const g = params.g === "domain" ? "domain" : "category";
  const other = GROUPS.find((x) => x !== g)!;
  const [t, tc, format] = [await getTranslations("board"), await getTranslations("colours"), await getFormatter()];
  // The board's own loader: the present board; with a reference date, the changes since it are
  // marked and become the clicker's stops (meeting mode marks nothing without one).
  const v = await loadBoardView(
    getDb(),
    { since: params.since, sinceMeeting: "none", region: params.region },
    new Date(),
    { home: user.scope.regionIds },
  );
  const { board, marks, time } = v;
  const { alerts, version } = v.present;
  const { regions, rows, labels } = v.frame;
  const stops = marks
    ? changedStops(
        GROUPS.map((group) => ({ group, areaIds: rows(group).map((a) => a.id) })),
        regions.map((r) => r.id),
        new Set(marks.keys()),
      )
    : [];
  const place = /^(\d{1,3})-(\d{1,3})$/.exec(params.focus ?? "");
  const focus = place ? { row: Number(place[1]), col: Number(place[2]) } : null;
  // The board shown (a county's, a town's …) and the reference date travel with every link of the meeting.
  const query = new URLSearchParams([
    ...(params.region && v.node === Number(params.region) ? [["region", params.region]] : []),
    ...(time.since ? [["since", time.since]] : []),
  ]).toString();
  const href = (group: string) => `/board/meeting?g=${group}${query ? `&${query}` : ""}`;
  return (
    <MeetingShell group={g} stops={stops} focus={focus} query={query} exitHref={`/board${query ? `?${query}` : ""}`}>
      <LiveRefresh version={version} />
      <div className="flex flex-col gap-[1vh]">
        <header className="flex flex-wrap items-center gap-x-[2vw] gap-y-2">
          <h1 className="text-[clamp(20px,3.6vh,48px)] font-bold">
            {v.frame.path.length > 1 ? (
              <span data-testid="meeting-division">{`${v.frame.path[v.frame.path.length - 1].label} · `}</span>
            ) : null}
            {t(g === "category" ? "categories" : "domains")}
          </h1>
          <p className="text-[clamp(14px,2vh,26px)] text-neutral-700">
            {t("meeting.asOf", { time: format.dateTime(new Date(), { dateStyle: "medium", timeStyle: "short" }) })}
          </p>
          <ul className="flex gap-[0.6vw]" aria-label={t("totals")}>
            {COLOURS.map((c) => (
              <li
                key={c}
                data-testid={`meeting-total-${c}`}
                className={`rounded px-[0.8vw] py-[0.3vh] text-[clamp(16px,2.6vh,34px)] font-bold tabular-nums ${FILLED[c]}`}
              >{`${tc(c)} ${board.totals[c]}`}</li>
            ))}
          </ul>
          {time.since ? (
            <p
              data-testid="meeting-changes"
              className="rounded bg-neutral-900 px-[0.8vw] py-[0.3vh] text-[clamp(14px,2.2vh,28px)] font-semibold text-white"
            >
              {t("meeting.changes", { since: sinceLabel(time.since), n: stops.length })}
            </p>
          ) : null}
          <p className="rounded border-2 border-red-700 px-[0.8vw] py-[0.3vh] text-[clamp(14px,2.2vh,28px)] font-semibold text-red-900">{`${t("awaitingAck")} ${alerts.awaitingAck}`}</p>
          <nav className="ml-auto flex gap-2 text-[clamp(12px,1.6vh,20px)]">
            <Link href={href(other)} className="rounded border border-neutral-500 px-3 py-1 hover:bg-neutral-100">
              {t("meeting.next", { group: t(other === "category" ? "categories" : "domains") })}
            </Link>
            <Link
              href={`/board${query ? `?${query}` : ""}`}
              className="rounded bg-neutral-900 px-3 py-1 text-white hover:bg-neutral-700"
            >
              {t("meeting.exit")}
            </Link>
          </nav>
        </header>
        <AreaRegionBoard
          caption={t(g === "category" ? "categories" : "domains")}
          areas={rows(g)}
          regions={regions}
          board={board}
          labels={labels}
          marks={marks}
        />
        <Legend
          className="text-[clamp(12px,1.7vh,22px)]"
          extra={t(stops.length ? "meeting.keysChanges" : "meeting.keys")}
        />
      </div>
    </MeetingShell>
  );
}
