import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getSettings } from "@/db/queries/settings";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requirePageUser } from "@/lib/auth/guard";
import { can, canChangeRisk } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { defaultNextReview } from "@/lib/domain/review";
import { ColourBadge } from "@/components/ui/colour-badge";
import { GradeForm } from "@/components/risks/grade-form";
import { ReviewForm } from "@/components/risks/step-forms";
import { gradeRiskAction } from "../../actions/grade-risk";
import { reviewRiskAction } from "../../actions/review-risk";
import { findRisk } from "../find-risk";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = can(await getCurrentUser(), "risk.read") ? await findRisk((await params).code) : undefined;
  const t = await getTranslations("grading");
  return { title: found ? t("pageTitle", { code: found.risk.code }) : (await getTranslations("risk"))("notFound") };
}

/** Dynamic management of one risk: confirm the grade ("reviewed, no change") or re-grade it. */
export default async function GradePage({ params }: Props) {
  const { code: param } = await params;
  const user = await requirePageUser("risk.edit", `/risks/${encodeURIComponent(param)}/grade`);
  const found = await findRisk(param);
  if (!found) notFound();
  if (!canChangeRisk(user, "risk.edit", found.risk)) forbidden();
  const r = found.risk;
  const [t, tc] = [await getTranslations("grading"), await getTranslations("colours")];
  const settings = await getSettings(getDb());
  const today = dayInZone(new Date(), CITY_TIME_ZONE);
  const a = (r.assessment ?? {}) as Record<string, unknown>;
  const str = (k: string) => (a[k] === undefined || a[k] === null ? "" : String(a[k]));
  const initial = {
    method: str("method") || "matrix",
    lecL: str("l"),
    lecE: str("e"),
    lecC: str("c"),
    matrixL: str("likelihood"),
    matrixS: str("severity"),
    colour: "",
    overrideReason: "",
    reason: "",
    nextReviewDate: "",
  };
  return (
    <ClientMessages paths={ISLAND_MESSAGES.grade}>
      <div className="flex flex-col gap-6">
        <a href={`/risks/${r.code}`} className="text-sm text-blue-800 underline">
          {t("backToRisk")}
        </a>
        <header className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{t("pageTitle", { code: r.code })}</h1>
          <span className="text-sm text-neutral-700">{t("current")}</span>
          <ColourBadge colour={r.colour} label={tc(r.colour)} level={tc(`level.${r.colour}`)} />
        </header>
        <p className="text-neutral-800">{r.title}</p>
        <ReviewForm
          action={reviewRiskAction.bind(null, r.code)}
          version={r.version}
          defaultNext={defaultNextReview(r.colour, today, settings.reviewDays)}
          today={today}
        />
        <GradeForm
          action={gradeRiskAction.bind(null, r.code)}
          version={r.version}
          initial={initial}
          thresholds={settings.thresholds}
          cadence={settings.reviewDays}
          today={today}
          cancelHref={`/risks/${r.code}`}
        />
      </div>
    </ClientMessages>
  );
}
