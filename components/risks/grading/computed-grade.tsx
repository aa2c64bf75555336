"use client";

import { useTranslations } from "next-intl";
import { ColourBadge } from "@/components/ui/colour-badge";
import type { Colour } from "@/lib/domain/colours";
import type { Method, Thresholds } from "@/lib/domain/grading";

/** The colour the method gives for the values chosen, said aloud as it changes, with the rule that decides it. */
export function ComputedGrade({
  method,
  score,
  computed,
  thresholds,
}: {
  method: Method;
  score: number | null;
  computed: Colour | null;
  thresholds: Thresholds;
}) {
  const t = useTranslations();
  return (
    <div
      aria-live="polite"
      className="rounded border border-neutral-300 bg-neutral-50 p-3 text-sm"
      data-testid="computed-grade"
    >
      {method === "direct" ? (
        <p>{t("grading.directComputed")}</p>
      ) : computed ? (
        <p className="flex flex-wrap items-center gap-2">
          <span>{t(method === "lec" ? "grading.lecScore" : "grading.matrixScore", { score: score ?? 0 })}</span>
          <span aria-hidden>→</span>
          <ColourBadge colour={computed} label={t(`colours.${computed}`)} level={t(`colours.level.${computed}`)} />
        </p>
      ) : (
        <p>{t("grading.pickInputs")}</p>
      )}
      {method !== "direct" ? (
        <p className="mt-1 text-xs text-neutral-700">
          {method === "lec"
            ? t("grading.lecRule", {
                red: thresholds.lec.redAbove,
                orange: thresholds.lec.orange,
                yellow: thresholds.lec.yellow,
              })
            : t("grading.matrixRule", {
                red: thresholds.matrix.red,
                orange: thresholds.matrix.orange,
                yellow: thresholds.matrix.yellow,
              })}
        </p>
      ) : null}
    </div>
  );
}
