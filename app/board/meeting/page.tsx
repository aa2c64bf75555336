import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AreaRegionBoard } from "@/components/board/area-region-board";
import { loadBoardFrame } from "@/components/board/board-frame";
import { FILLED } from "@/components/board/fills";
import { Legend } from "@/components/board/legend";
import { LiveRefresh } from "@/components/board/live-refresh";
import { MeetingShell } from "@/components/board/meeting-shell";
import { getDb } from "@/db/client";
import { getBoardAlerts, getBoardVersion, listOpenCellCounts } from "@/db/queries/board";
import { requirePageUser } from "@/lib/auth/guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { boardFromCounts } from "@/lib/domain/board";
import { COLOURS } from "@/lib/domain/colours";
import { dayInZone } from "@/lib/domain/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("meeting.title") };
}

const GROUPS = ["category", "domain"] as const;

/**
 * Meeting mode: one group (the 21 categories or the 14 domains) at a time, filling the screen, with
 * the totals, the reds awaiting acknowledgement and the four colour definitions; no edit controls.
 * Live like the board; PageDown/PageUp switch groups, Esc returns to the board.
 */
export default async function MeetingPage({ searchParams }: { searchParams: Promise<{ g?: string }> }) {
  await requirePageUser("board.view", "/board/meeting");
  const g = (await searchParams).g === "domain" ? "domain" : "category";
  const other = GROUPS.find((x) => x !== g)!;
  const db = getDb();
  const [t, tc, format] = [await getTranslations("board"), await getTranslations("colours"), await getFormatter()];
  const board = boardFromCounts(listOpenCellCounts(db));
  const alerts = getBoardAlerts(db, { today: dayInZone(new Date(), CITY_TIME_ZONE) });
  const { regions, rows, labels } = await loadBoardFrame(db);
  const href = (group: string) => `/board/meeting?g=${group}`;
  return (
    <MeetingShell nextHref={href(other)} previousHref={href(other)} exitHref="/board">
      <LiveRefresh version={getBoardVersion(db)} />
      <div className="flex flex-col gap-[1vh]">
        <header className="flex flex-wrap items-center gap-x-[2vw] gap-y-2">
          <h1 className="text-[clamp(20px,3.6vh,48px)] font-bold">{t(g === "category" ? "categories" : "domains")}</h1>
          <p className="text-[clamp(14px,2vh,26px)] text-neutral-700">{t("meeting.asOf", { time: format.dateTime(new Date(), { dateStyle: "medium", timeStyle: "short" }) })}</p>
          <ul className="flex gap-[0.6vw]" aria-label={t("totals")}>
            {COLOURS.map((c) => (
              <li key={c} data-testid={`meeting-total-${c}`} className={`rounded px-[0.8vw] py-[0.3vh] text-[clamp(16px,2.6vh,34px)] font-bold tabular-nums ${FILLED[c]}`}>{`${tc(c)} ${board.totals[c]}`}</li>
            ))}
          </ul>
          <p className="rounded border-2 border-red-700 px-[0.8vw] py-[0.3vh] text-[clamp(14px,2.2vh,28px)] font-semibold text-red-900">{`${t("awaitingAck")} ${alerts.awaitingAck}`}</p>
          <nav className="ml-auto flex gap-2 text-[clamp(12px,1.6vh,20px)]">
            <Link href={href(other)} className="rounded border border-neutral-500 px-3 py-1 hover:bg-neutral-100">{t("meeting.next", { group: t(other === "category" ? "categories" : "domains") })}</Link>
            <Link href="/board" className="rounded bg-neutral-900 px-3 py-1 text-white hover:bg-neutral-700">{t("meeting.exit")}</Link>
          </nav>
        </header>
        <AreaRegionBoard caption={t(g === "category" ? "categories" : "domains")} areas={rows(g)} regions={regions} board={board} labels={labels} />
        <Legend className="text-[clamp(12px,1.7vh,22px)]" extra={t("meeting.keys")} />
      </div>
    </MeetingShell>
  );
}
