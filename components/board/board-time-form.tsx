import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * The board's moment and reference in one line ("截至现在 · 与上次月研判会(11-16 09:30)起对比")
 * that opens to change them: a past moment to see the board as it stood, and what to mark changes
 * against — a day, or else the last meeting of a type (a plain GET form; a day wins over the meeting).
 */
export async function BoardTimeForm({
  view,
  asOf,
  since,
  sinceMeeting,
  today,
  summary,
  meetingLink,
}: {
  view: string;
  asOf?: string;
  since?: string;
  sinceMeeting: string;
  today: string;
  summary: string;
  meetingLink?: { href: string; label: string; open: string };
}) {
  const t = await getTranslations("board.time");
  const control = "min-h-9 rounded border border-neutral-400 bg-white px-2 py-1";
  return (
    <details
      className="board-time no-print rounded-lg border border-neutral-300 bg-white text-sm"
      open={!!(asOf || since)}
    >
      <summary className="flex min-h-10 cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1.5">
        <span data-testid="board-time-summary" className="font-medium">
          {summary}
        </span>
        <span className="text-blue-800 underline">{t("change")}</span>
      </summary>
      <div className="flex flex-col gap-2 border-t border-neutral-200 px-3 py-2">
        {meetingLink ? (
          <p data-testid="since-meeting" className="text-neutral-800">
            {meetingLink.label}{" "}
            <Link href={meetingLink.href} className="text-blue-800 underline">
              {meetingLink.open}
            </Link>
          </p>
        ) : null}
        <form method="get" action="/board" className="flex flex-wrap items-end gap-3">
          {view === "matrix" ? <input type="hidden" name="view" value="matrix" /> : null}
          <label className="flex flex-col gap-1">
            {t("asOf")}
            <input type="datetime-local" name="asOf" defaultValue={asOf} max={`${today}T23:59`} className={control} />
          </label>
          <label className="flex flex-col gap-1">
            {t("since")}
            <input type="date" name="since" defaultValue={since} max={today} className={control} />
          </label>
          <label className="flex flex-col gap-1">
            {t("sinceMeetingLabel")}
            <select name="sinceMeeting" defaultValue={sinceMeeting} className={control}>
              {(["monthly_review", "dispatch", "ad_hoc", "none"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`sinceMeetingOptions.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="min-h-9 rounded bg-neutral-900 px-3 py-1.5 font-medium text-white hover:bg-neutral-700"
          >
            {t("apply")}
          </button>
          <Link href="/board" className="px-2 py-1.5 text-blue-800 underline">
            {t("present")}
          </Link>
        </form>
      </div>
    </details>
  );
}
