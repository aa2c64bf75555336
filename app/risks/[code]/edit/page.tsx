import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { riskFormOptions } from "@/components/risks/form-options";
import { RiskForm } from "@/components/risks/risk-form";
import type { RiskField } from "@/lib/validation/risk";
import { updateRiskAction } from "../../actions/update-risk";
import { findRisk } from "../find-risk";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [found, t] = [findRisk((await params).code), await getTranslations("risk")];
  return { title: found ? t("editTitle", { code: found.risk.code }) : t("notFound") };
}

export default async function EditRiskPage({ params }: Props) {
  const found = findRisk((await params).code);
  if (!found) notFound();
  const db = getDb();
  const code = found.risk.code;
  const [locale, t] = [await getLocale(), await getTranslations("risk")];
  const r = found.risk;
  const initial: Record<RiskField, string> = {
    title: r.title,
    description: r.description,
    areaId: String(r.areaId),
    regionId: String(r.regionId),
    colour: r.colour,
    status: r.status,
    responsibleUnitId: String(r.responsibleUnitId),
    responsiblePerson: r.responsiblePerson,
    controlMeasures: r.controlMeasures,
    nextReviewDate: r.nextReviewDate,
    reason: "",
  };
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("editTitle", { code })}</h1>
      <RiskForm
        action={updateRiskAction.bind(null, code)}
        initial={initial}
        version={r.version}
        options={riskFormOptions(db, locale, { areaId: r.areaId, regionId: r.regionId, unitId: r.responsibleUnitId })}
        cancelHref={`/risks/${code}`}
        requireReasonHint
      />
    </div>
  );
}
