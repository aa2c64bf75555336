import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requirePageUser } from "@/lib/auth/guard";
import { can, canChangeRisk } from "@/lib/auth/permissions";
import { riskFormOptions } from "@/lib/views/risk-form";
import { RiskForm } from "@/components/risks/risk-form";
import type { RiskField } from "@/lib/validation/risk";
import { updateRiskAction } from "../../actions/update-risk";
import { findRisk } from "../find-risk";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // A risk's title is register content: only someone who may read the register sees it, even in <title>.
  const found = can(await getCurrentUser(), "risk.read") ? await findRisk((await params).code) : undefined;
  const t = await getTranslations("risk");
  return { title: found ? t("editTitle", { code: found.risk.code }) : t("notFound") };
}

export default async function EditRiskPage({ params }: Props) {
  const { code: param } = await params;
  const user = await requirePageUser("risk.edit", `/risks/${encodeURIComponent(param)}/edit`);
  const found = await findRisk(param);
  if (!found) notFound();
  // Out of scope the risk is read-only: the 403 page, not a form whose save would be refused.
  if (!canChangeRisk(user, "risk.edit", found.risk)) forbidden();
  const db = getDb();
  const code = found.risk.code;
  const [locale, t] = [await getLocale(), await getTranslations("risk")];
  const r = found.risk;
  const initial: Record<RiskField, string> = {
    title: r.title,
    description: r.description,
    areaId: String(r.areaId),
    regionId: String(r.regionId),
    responsibleUnitId: String(r.responsibleUnitId),
    responsiblePerson: r.responsiblePerson,
    coUnitIds: r.coUnitIds.join(","),
    reason: "",
  };
  return (
    <ClientMessages paths={ISLAND_MESSAGES.riskForm}>
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("editTitle", { code })}</h1>
        <RiskForm
          action={updateRiskAction.bind(null, code)}
          initial={initial}
          version={r.version}
          options={await riskFormOptions(db, locale, {
            keep: { areaId: r.areaId, regionId: r.regionId, unitId: r.responsibleUnitId },
            scope: user.scope,
          })}
          cancelHref={`/risks/${code}`}
          withReason
        />
      </div>
    </ClientMessages>
  );
}
