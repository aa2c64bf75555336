import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePageUser } from "@/lib/auth/guard";
import { riskFormOptions } from "@/components/risks/form-options";
import { RiskForm } from "@/components/risks/risk-form";
import { RISK_FIELDS, type RiskField } from "@/lib/validation/risk";
import { createRiskAction } from "../actions/create-risk";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("risk"))("newTitle") };
}

export default async function NewRiskPage() {
  const user = await requirePageUser("risk.create", "/risks/new");
  const [locale, t] = [await getLocale(), await getTranslations("risk")];
  const initial = Object.fromEntries(RISK_FIELDS.map((f) => [f, ""])) as Record<RiskField, string>;
  initial.status = "identified";
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <RiskForm action={createRiskAction} initial={initial} options={riskFormOptions(getDb(), locale, { scope: user.scope })} cancelHref="/risks" />
    </div>
  );
}
