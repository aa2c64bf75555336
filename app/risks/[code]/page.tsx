import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requirePageUser } from "@/lib/auth/guard";
import { can, canActOnHazard, canChangeRisk } from "@/lib/auth/permissions";
import { RiskHazards } from "@/components/hazards/risk-hazards";
import { riskHazardsView } from "@/lib/views/hazards";
import { listMeasures, listRiskEvents } from "@/db/queries/risks";
import { localName } from "@/i18n/locales";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { allowedTransitions } from "@/lib/domain/lifecycle";
import { isReviewOverdue } from "@/lib/domain/review";
import { nameMaps } from "@/lib/history/names";
import { ColourBadge } from "@/components/ui/colour-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { AssessmentSummary } from "@/components/risks/assessment-summary";
import { MeasureList } from "@/components/risks/measure-list";
import { RiskTimeline } from "@/components/risks/risk-timeline";
import { AcknowledgeForm, StatusForm } from "@/components/risks/step-forms";
import { acknowledgeRedAction } from "../actions/acknowledge-red";
import { changeStatusAction } from "../actions/change-status";
import { addMeasureAction, updateMeasureAction } from "../actions/measures";
import { findRisk } from "./find-risk";
import { singleValues, type SearchParams } from "@/lib/validation/params";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

type Props = { params: Promise<{ code: string }>; searchParams: SearchParams };

const NOTICES = ["created", "saved", "graded", "reviewed", "statusChanged", "acknowledged", "measureSaved"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // A risk's title is register content: only someone who may read the register sees it, even in <title>.
  const found = can(await getCurrentUser(), "risk.read") ? await findRisk((await params).code) : undefined;
  return { title: found ? `${found.risk.code} ${found.risk.title}` : (await getTranslations("risk"))("notFound") };
}

export default async function RiskPage({ params, searchParams }: Props) {
  const { code: param } = await params;
  const user = await requirePageUser("risk.read", `/risks/${encodeURIComponent(param)}`);
  const found = await findRisk(param);
  if (!found) notFound();
  const db = getDb();
  const [query, locale, t, tc, ts, format] = await Promise.all([
    searchParams.then(singleValues),
    getLocale(),
    getTranslations("risk"),
    getTranslations("colours"),
    getTranslations("statuses"),
    getFormatter(),
  ]);
  const { risk, area, region, unit } = found;
  const today = dayInZone(new Date(), CITY_TIME_ZONE);
  const overdue = isReviewOverdue(risk, today);
  const names = await nameMaps(db, locale);
  const editable = canChangeRisk(user, "risk.edit", risk);
  const code = risk.code;
  const notice = NOTICES.find((n) => query[n]);
  // Each term and its value in one wrapper, the only child a <dl> may have besides dt and dd.
  const item = (label: string, value: ReactNode, className?: string) => (
    <div className={className}>
      <dt className="text-xs font-medium text-neutral-600">{label}</dt>
      <dd className="mt-0.5">{value}</dd>
    </div>
  );
  const coUnits = risk.coUnitIds.map((id) => names.units.get(id) ?? String(id)).join("、");
  return (
    <ClientMessages paths={ISLAND_MESSAGES.riskPage}>
      <article className="flex flex-col gap-6">
        <Link href="/risks" className="text-sm text-blue-800 underline">
          {t("backToRegister")}
        </Link>
        {notice ? (
          <p
            role="status"
            className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
          >
            {notice === "created" ? t("created", { code }) : t(`notices.${notice}`)}
          </p>
        ) : null}
        <header className="flex flex-col items-start gap-3 sm:flex-row sm:flex-wrap">
          <ColourBadge colour={risk.colour} label={tc(risk.colour)} level={tc(`level.${risk.colour}`)} />
          {/* The title keeps a readable width: on a phone the buttons go below it rather than beside it. */}
          <div className="w-full min-w-0 flex-1 sm:w-auto sm:basis-60">
            <p className="font-mono text-sm text-neutral-600">{code}</p>
            <h1 className="text-2xl font-bold break-words">{risk.title}</h1>
          </div>
          {editable ? (
            <div className="flex w-full gap-2 sm:w-auto">
              <Link
                href={`/risks/${code}/grade`}
                className="flex min-h-11 flex-1 items-center justify-center rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 sm:flex-none"
              >
                {t("gradeOrReview")}
              </Link>
              <Link
                href={`/risks/${code}/edit`}
                className="flex min-h-11 flex-1 items-center justify-center rounded border border-neutral-400 bg-white px-4 py-2 text-sm font-medium hover:bg-neutral-100 sm:flex-none"
              >
                {t("edit")}
              </Link>
            </div>
          ) : can(user, "risk.edit") ? (
            <p className="rounded border border-neutral-300 bg-neutral-100 px-3 py-2 text-sm text-neutral-700">
              {t("outOfScope")}
            </p>
          ) : null}
        </header>
        {risk.ackPending ? (
          <section role="alert" className="rounded border-2 border-red-700 bg-red-50 p-4 text-red-950">
            <p className="font-semibold">{t("ackPending")}</p>
            {can(user, "risk.acknowledge") ? (
              <div className="mt-3">
                <AcknowledgeForm action={acknowledgeRedAction.bind(null, code)} version={risk.version} />
              </div>
            ) : null}
          </section>
        ) : null}
        {overdue ? (
          <p
            role="alert"
            className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900"
          >
            {t("overdueNotice", { date: risk.nextReviewDate })}
          </p>
        ) : null}
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3 rounded-lg border border-neutral-200 bg-white p-4 lg:grid-cols-4">
          {item(t("fields.area"), localName(area, locale))}
          {item(t("fields.region"), localName(region, locale))}
          {item(t("fields.status"), <StatusBadge status={risk.status} label={ts(risk.status)} />)}
          {item(t("fields.nextReviewDate"), risk.nextReviewDate)}
          {item(t("fields.responsibleUnit"), localName(unit, locale))}
          {item(t("fields.responsiblePerson"), risk.responsiblePerson)}
          {item(t("fields.coUnits"), coUnits || "—")}
          {item(
            t("fields.lastReviewedAt"),
            risk.lastReviewedAt
              ? format.dateTime(risk.lastReviewedAt, { dateStyle: "medium", timeStyle: "short" })
              : "—",
          )}
          {item(t("fields.assessment"), <AssessmentSummary assessment={risk.assessment ?? null} />, "col-span-2")}
          {item(t("fields.createdAt"), format.dateTime(risk.createdAt, { dateStyle: "medium", timeStyle: "short" }))}
          {item(
            t("fields.updatedAt"),
            `${format.dateTime(risk.updatedAt, { dateStyle: "medium", timeStyle: "short" })} · ${t("fields.version")} ${risk.version}`,
          )}
        </dl>
        <section className="grid gap-6 lg:grid-cols-2">
          <div className="flex flex-col gap-6">
            <div>
              <h2 className="mb-2 text-lg font-semibold">{t("fields.description")}</h2>
              <p className="whitespace-pre-wrap text-neutral-800">{risk.description || t("noDescription")}</p>
            </div>
            <MeasureList
              measures={await listMeasures(db, { riskId: risk.id })}
              today={today}
              edit={
                editable
                  ? {
                      version: risk.version,
                      add: addMeasureAction.bind(null, code),
                      update: (id) => updateMeasureAction.bind(null, code, id),
                      defaultOwner: risk.responsiblePerson,
                    }
                  : undefined
              }
            />
            {editable ? (
              <StatusForm
                action={changeStatusAction.bind(null, code)}
                version={risk.version}
                next={allowedTransitions(risk.status)}
              />
            ) : null}
          </div>
          <div className="flex flex-col gap-6">
            {can(user, "hazard.read") ? (
              <RiskHazards
                rows={await riskHazardsView(db, risk.id, { today, locale })}
                risk={risk}
                mayRecord={canActOnHazard(user, "hazard.record", risk)}
                mayGrade={editable}
              />
            ) : null}
            <div>
              <h2 className="mb-2 text-lg font-semibold">{t("history")}</h2>
              <RiskTimeline events={await listRiskEvents(db, { riskId: risk.id })} names={names} />
            </div>
          </div>
        </section>
      </article>
    </ClientMessages>
  );
}
