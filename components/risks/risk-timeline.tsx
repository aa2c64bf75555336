import { getTranslations } from "next-intl/server";
import type { RiskEvent } from "@/db/schema";
import { createDescriber, type Names } from "@/lib/history/describe";

/** The risk's history in words, newest first: "2026-05-03 14:20 张伟 raised 橙 → 红 — reason". */
export async function RiskTimeline({
  events,
  names,
  codes,
}: {
  events: RiskEvent[];
  names: Names;
  codes?: Map<number, string>;
}) {
  const [t, d] = [await getTranslations("risk"), await createDescriber(names)];
  if (events.length === 0) return <p className="text-neutral-600">{t("noHistory")}</p>;
  return (
    <ol className="flex flex-col gap-3 border-l-2 border-neutral-300 pl-4">
      {events.map((e) => (
        <li key={e.seq} className="text-sm">
          <time dateTime={e.at.toISOString()} className="mr-2 font-mono text-xs text-neutral-600">
            {d.when(e)}
          </time>
          {codes && e.riskId !== null && codes.has(e.riskId) ? (
            <a href={`/risks/${codes.get(e.riskId)}`} className="mr-2 font-mono text-xs text-blue-800 underline">
              {codes.get(e.riskId)}
            </a>
          ) : null}
          {d.words(e)}
          {d.reasonLabel(e) ? <span className="block text-neutral-700">{d.reasonLabel(e)}</span> : null}
        </li>
      ))}
    </ol>
  );
}
