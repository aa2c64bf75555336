import { useTranslations } from "next-intl";
import type { Colour } from "@/lib/domain/colours";

// Full class names in one place so Tailwind's scanner sees them (STYLE.md habit 4). Text colours
// are the ones lib/domain/colours.ts proves meet WCAG AA on each background.
const CLASSES: Record<Colour, string> = {
  red: "bg-risk-red text-white",
  orange: "bg-risk-orange text-neutral-900",
  yellow: "bg-risk-yellow text-neutral-900",
  blue: "bg-risk-blue text-white",
};

/** A colour chip that always carries the colour's word (红/橙/黄/蓝), never hue alone. */
export function ColourBadge({ colour, withLevel = false }: { colour: Colour; withLevel?: boolean }) {
  const t = useTranslations("colours");
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${CLASSES[colour]}`}
      data-colour={colour}
    >
      {t(colour)}
      {withLevel ? <span className="font-normal">· {t(`level.${colour}`)}</span> : null}
    </span>
  );
}
