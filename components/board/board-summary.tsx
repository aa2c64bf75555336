import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CellChange } from "@/lib/domain/board";
import { COLOURS, type Colour } from "@/lib/domain/colours";
import { FILLED } from "./fills";

type Mark = Exclude<CellChange, "same">;

/**
 * The board's one band on top: open risks per colour, reds awaiting a leader, overdue reviews and
 * (with a reference) the cells that changed — each a way into the register. Compact, so that on a
 * laptop the grid itself starts on the first screen.
 */
export async function BoardSummary({
  totals,
  alerts,
  marks,
  since,
}: {
  totals: Record<Colour, number>;
  alerts: { awaitingAck: number; overdue: number };
  marks?: Map<string, Mark>;
  since?: string;
}) {
  const [t, tc] = [await getTranslations("board"), await getTranslations("colours")];
  const count = (k: Mark) => [...(marks?.values() ?? [])].filter((m) => m === k).length;
  const tiles = [
    {
      id: "awaiting-ack",
      href: "/risks?ack=1",
      label: t("awaitingAck"),
      n: alerts.awaitingAck,
      tone: "border-red-700 text-red-900 hover:bg-red-50",
    },
    {
      id: "overdue",
      href: "/risks?overdue=1",
      label: t("overdue"),
      n: alerts.overdue,
      tone: "border-neutral-700 hover:bg-neutral-100",
    },
    ...(marks && since
      ? [
          {
            id: "changed-cells",
            href: "#changes-heading",
            label: t("time.changedCells", { since }),
            n: marks.size,
            tone: "border-neutral-900 hover:bg-neutral-100",
            detail: t("time.changedCellsDetail", {
              up: count("up"),
              down: count("down"),
              new: count("new"),
              cleared: count("cleared"),
            }),
          },
        ]
      : []),
  ];
  return (
    <div className="board-summary grid gap-2 lg:grid-cols-[minmax(0,4fr)_minmax(0,5fr)]">
      <ul className="grid grid-cols-4 gap-2" aria-label={t("totals")}>
        {COLOURS.map((c) => (
          <li
            key={c}
            data-testid={`total-${c}`}
            className={`flex min-w-0 flex-col justify-center rounded-lg px-2 py-1 sm:flex-row sm:items-center sm:justify-between sm:gap-2 sm:px-3 ${FILLED[c]}`}
          >
            <span className="flex flex-col text-base leading-tight font-semibold">
              {tc(c)}
              <small className="hidden text-xs font-normal sm:inline">{tc(`level.${c}`)}</small>
            </span>
            <span className="text-[min(5vw,1.5rem)] font-bold tabular-nums sm:text-3xl">{totals[c]}</span>
          </li>
        ))}
      </ul>
      <ul className="grid gap-2 sm:grid-cols-3" aria-label={t("alerts")}>
        {tiles.map((a) => (
          <li key={a.id} className="min-w-0">
            <Link
              href={a.href}
              data-testid={a.id}
              className={`flex h-full min-h-11 items-center justify-between gap-2 rounded-lg border-2 bg-white px-3 py-1 ${a.tone}`}
            >
              <span className="flex min-w-0 flex-col text-sm leading-tight font-medium">
                {a.label}
                {"detail" in a ? <span className="text-xs font-normal tabular-nums">{a.detail}</span> : null}
              </span>
              <span className="text-2xl font-bold tabular-nums">{a.n}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
