import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AreaRegionBoard } from "@/components/board/area-region-board";
import { FILLED } from "@/components/board/fills";
import { COLOURS } from "@/lib/domain/colours";
import type { MeetingView } from "@/lib/views/meeting";

/**
 * The board as it stood at the meeting: its totals, the cells on request, and a link to what has
 * changed since. Frozen once the meeting is closed; before it is held, the present board.
 */
export async function MeetingBoard({ v }: { v: MeetingView }) {
  const [t, tb, tc, format] = [
    await getTranslations("meetings"),
    await getTranslations("board"),
    await getTranslations("colours"),
    await getFormatter(),
  ];
  const m = v.meeting;
  const when = format.dateTime(m.heldAt, { dateStyle: "full", timeStyle: "short" });
  const { regions, rows, labels } = v.frame;
  return (
    <section aria-labelledby="snapshot-heading" className="flex flex-col gap-3">
      <h2 id="snapshot-heading" className="text-xl font-semibold">
        {m.snapshot
          ? t("snapshotFrozen", { time: when })
          : v.held
            ? t("snapshotLive", { time: when })
            : t("snapshotNotYet")}
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={tb("totals")}>
        {COLOURS.map((c) => (
          <li key={c} data-testid={`snapshot-${c}`} className={`flex flex-col rounded-lg p-3 ${FILLED[c]}`}>
            <span>
              {tc(c)} · {tc(`level.${c}`)}
            </span>
            <span className="text-4xl font-bold tabular-nums">{v.board.totals[c]}</span>
          </li>
        ))}
      </ul>
      <details>
        <summary className="cursor-pointer text-sm font-medium">{t("snapshotCells")}</summary>
        <div className="mt-3 flex flex-col gap-4">
          <AreaRegionBoard
            caption={tb("categories")}
            areas={rows("category")}
            regions={regions}
            board={v.board}
            labels={labels}
          />
          <AreaRegionBoard
            caption={tb("domains")}
            areas={rows("domain")}
            regions={regions}
            board={v.board}
            labels={labels}
          />
        </div>
      </details>
      {v.held ? (
        <Link href={`/board?since=${v.heldDay}T${v.heldTime}`} className="w-fit text-sm text-blue-800 underline">
          {t("changesSinceLink")}
        </Link>
      ) : null}
    </section>
  );
}
