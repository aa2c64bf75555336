import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * Pick a past moment to see the board as it stood, and what to mark changes against: a day, or
 * else the last meeting of a type (a plain GET form; a day wins over the meeting).
 */
export async function BoardTimeForm({ view, asOf, since, sinceMeeting, today }: { view: string; asOf?: string; since?: string; sinceMeeting: string; today: string }) {
  const t = await getTranslations("board.time");
  const control = "rounded border border-neutral-400 bg-white px-2 py-1";
  return (
    <form method="get" action="/board" className="no-print flex flex-wrap items-end gap-3 text-sm">
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
          {(["monthly_review", "dispatch", "ad_hoc", "none"] as const).map((k) => <option key={k} value={k}>{t(`sinceMeetingOptions.${k}`)}</option>)}
        </select>
      </label>
      <button type="submit" className="rounded bg-neutral-900 px-3 py-1.5 font-medium text-white hover:bg-neutral-700">{t("apply")}</button>
      <Link href="/board" className="px-2 py-1.5 text-blue-800 underline">{t("present")}</Link>
    </form>
  );
}
