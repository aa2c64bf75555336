import { getTranslations } from "next-intl/server";
import type { Colour } from "@/lib/domain/colours";

/** The latest assessment in words: method, inputs, score, the computed colour and any override. */
export async function AssessmentSummary({ assessment }: { assessment: Record<string, unknown> | null }) {
  const t = await getTranslations();
  const a = assessment ?? { method: "direct" };
  const method = (["lec", "matrix", "direct"].includes(String(a.method)) ? a.method : "direct") as
    "lec" | "matrix" | "direct";
  const inputs =
    method === "lec"
      ? t("grading.lecInputs", { l: String(a.l), e: String(a.e), c: String(a.c), score: String(a.score) })
      : method === "matrix"
        ? t("grading.matrixInputs", { l: String(a.likelihood), s: String(a.severity), score: String(a.score) })
        : t("grading.directComputed");
  return (
    <div className="text-sm">
      <p>
        <span className="font-medium">{t(`grading.methods.${method}`)}</span> · {inputs}
      </p>
      {a.computed && a.computed !== a.colour ? (
        <p className="mt-1 text-amber-900">
          {t("grading.overrideSummary", {
            computed: t(`colours.${a.computed as Colour}`),
            colour: t(`colours.${a.colour as Colour}`),
            reason: String(a.overrideReason ?? ""),
          })}
        </p>
      ) : null}
    </div>
  );
}
