import { getTranslations } from "next-intl/server";
import { COLOURS } from "@/lib/domain/colours";
import { FILLED } from "./fills";

/** The four colours with their definitions (docs/domain.md), for the board, meeting mode and print. */
export async function Legend({ className = "", extra }: { className?: string; extra?: string }) {
  const [t, tc] = [await getTranslations("board"), await getTranslations("colours")];
  return (
    <footer className={`flex flex-wrap items-center gap-x-[1.5vw] gap-y-1 ${className}`}>
      {COLOURS.map((c) => (
        <span key={c} className="flex items-center gap-2">
          {/* Where cells use a letter (English: R, O, Y, B), the legend says what it stands for. */}
          <span className={`rounded px-2 font-bold ${FILLED[c]}`}>
            {[...(tc(`short.${c}`) !== tc(c) ? [tc(`short.${c}`)] : []), tc(c), tc(`level.${c}`)].join(" · ")}
          </span>
          <span>{t(`legend.${c}`)}</span>
        </span>
      ))}
      {extra ? <span className="text-neutral-600">{extra}</span> : null}
    </footer>
  );
}
