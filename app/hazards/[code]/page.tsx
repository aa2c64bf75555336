import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";
import { AttachmentList } from "@/components/hazards/attachment-list";
import {
  AcceptForm,
  AssignForm,
  AttachForm,
  ExtendForm,
  FiveForm,
  SubmitForm,
  SuperviseForm,
} from "@/components/hazards/step-forms";
import {
  acceptAction,
  assignAction,
  extendAction,
  fiveInPlaceAction,
  submitAction,
  superviseAction,
} from "@/app/hazards/actions/steps";
import { requirePageUser } from "@/lib/auth/guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { FIVE_IN_PLACE, hazardCodeOf, type Acceptance } from "@/lib/domain/hazards";
import { singleValues, type SearchParams } from "@/lib/validation/params";
import { ATTACHMENT_LIMITS } from "@/lib/files/attachment-upload";
import { hazardPageView } from "@/lib/views/hazards";

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `${hazardCodeOf((await params).code) ?? ""} · ${(await getTranslations("hazards"))("title")}` };
}

const NOTICES = [
  "created",
  "fiveSaved",
  "assigned",
  "extended",
  "submitted",
  "closed",
  "returned",
  "supervised",
] as const;

/** One hazard: where it stands in its loop, its evidence, the next step for whoever may take it, and its history. */
export default async function HazardPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const code = hazardCodeOf((await params).code);
  const user = await requirePageUser("hazard.read", code ? `/hazards/${code}` : "/hazards");
  if (!code) notFound();
  const query = singleValues(await searchParams);
  const [t, locale, format, db] = [await getTranslations("hazards"), await getLocale(), await getFormatter(), getDb()];
  const today = dayInZone(new Date(), CITY_TIME_ZONE);
  const view = await hazardPageView(db, { code, user, today, locale });
  if (!view) notFound();
  const h = view.hazard;
  const five = (h.fiveInPlace ?? null) as Record<string, string> | null;
  const acceptance = (h.acceptance ?? null) as Acceptance | null;
  const notice = NOTICES.find((n) => query[n] === "1");
  const attached = Number(query.attached ?? 0);
  const bind = <A extends (code: string, ...rest: never[]) => unknown>(a: A) => a.bind(null, h.code) as never;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 sm:grid-cols-[10rem_1fr]">
      <dt className="font-medium text-neutral-700">{label}</dt>
      <dd className="break-words">{value ?? "—"}</dd>
    </div>
  );
  return (
    <ClientMessages paths={ISLAND_MESSAGES.hazardPage}>
      <article className="flex flex-col gap-5">
        <nav className="text-sm">
          <Link href="/hazards" className="text-blue-800 underline">
            {t("title")}
          </Link>
        </nav>
        <header className="flex flex-col gap-2">
          <p className="font-mono text-sm text-neutral-700">{h.code}</p>
          <h1 className="text-2xl font-bold break-words">{h.title}</h1>
          <p className="flex flex-wrap gap-2 text-sm">
            <span
              className={`rounded border px-2 py-0.5 ${h.grade === "major" ? "border-red-800 font-semibold text-red-900" : "border-neutral-500"}`}
            >
              {t(`grades.${h.grade}`)}
            </span>
            <span className="rounded border border-neutral-500 px-2 py-0.5">{t(`statuses.${h.status}`)}</span>
            {view.overdue ? (
              <strong className="rounded bg-red-800 px-2 py-0.5 text-white">{t("overdue")}</strong>
            ) : null}
            {h.supervisionLevel ? (
              <span className="rounded border border-red-800 px-2 py-0.5 text-red-900">
                {t("supervisedTag", { level: t(`levels.${h.supervisionLevel}`) })}
              </span>
            ) : null}
          </p>
        </header>
        <div aria-live="polite">
          {notice ? (
            <p
              role="status"
              className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
            >
              {t(`notices.${notice}`)}
            </p>
          ) : null}
          {attached > 0 ? (
            <p
              role="status"
              className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
            >
              {t("attachments.added", { count: attached })}
            </p>
          ) : null}
          {query.attachError ? (
            <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
              {t.has(`attachments.refused.${query.attachError}`)
                ? t(`attachments.refused.${query.attachError}` as "attachments.refused.failed", {
                    name: (query.file ?? "").slice(0, 200),
                    mb: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024,
                    max: ATTACHMENT_LIMITS.maxFiles,
                  })
                : t("attachments.refused.failed", { name: "" })}
            </p>
          ) : null}
        </div>
        <section aria-labelledby="details" className="rounded-lg border border-neutral-200 bg-white p-4">
          <h2 id="details" className="mb-3 text-lg font-semibold">
            {t("details")}
          </h2>
          <dl className="grid gap-2 text-sm">
            {row(t("fields.description"), h.description || "—")}
            {row(t("fields.area"), view.areaName)}
            {row(t("fields.region"), view.regionName)}
            {row(t("fields.place"), h.place || "—")}
            {row(t("fields.foundOn"), t("foundBy", { day: h.foundOn, name: h.foundByName }))}
            {row(
              t("fields.riskCode"),
              view.risk ? (
                <Link href={`/risks/${view.risk.code}`} className="text-blue-800 underline">
                  {view.risk.code} {view.risk.title}
                </Link>
              ) : (
                "—"
              ),
            )}
            {row(
              t("fields.inspectionCode"),
              view.inspection ? (
                <Link href={`/inspections/${view.inspection.code}`} className="text-blue-800 underline">
                  {view.inspection.code} {view.inspection.title}
                </Link>
              ) : (
                "—"
              ),
            )}
            {row(
              t("fields.rectifyUnit"),
              view.rectifyUnitName ? `${view.rectifyUnitName} · ${h.rectifyPerson ?? ""}` : "—",
            )}
            {row(t("fields.deadline"), h.deadline ?? "—")}
            {h.measuresTaken ? row(t("fields.measuresTaken"), h.measuresTaken) : null}
            {h.failedAcceptances ? row(t("fields.failedAcceptances"), h.failedAcceptances) : null}
            {acceptance
              ? row(
                  t("fields.acceptance"),
                  t("acceptanceLine", {
                    type: t(`acceptanceTypes.${acceptance.type}`),
                    day: acceptance.completedOn,
                    cost: acceptance.costWan,
                  }) + (acceptance.opinion ? ` — ${acceptance.opinion}` : ""),
                )
              : null}
            {h.closedAt
              ? row(t("fields.closedAt"), format.dateTime(h.closedAt, { dateStyle: "medium", timeStyle: "short" }))
              : null}
            {h.supervisionLevel
              ? row(
                  t("fields.supervision"),
                  `${t(`levels.${h.supervisionLevel}`)} · ${view.supervisionUnitName ?? ""} · ${h.supervisionDeadline ?? ""}`,
                )
              : null}
          </dl>
        </section>
        {h.grade === "major" ? (
          <section aria-labelledby="five" className="rounded-lg border border-neutral-200 bg-white p-4">
            <h2 id="five" className="mb-3 text-lg font-semibold">
              {t("five.title")}
            </h2>
            {five ? (
              <dl className="grid gap-2 text-sm">
                {FIVE_IN_PLACE.map((k) => (
                  <div key={k}>{row(t(`five.${k}`), five[k])}</div>
                ))}
              </dl>
            ) : (
              <p className="text-sm text-red-900">{t("five.missing")}</p>
            )}
          </section>
        ) : null}
        <section
          aria-labelledby="files"
          className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-white p-4"
        >
          <h2 id="files" className="text-lg font-semibold">
            {t("attachments.title")}
          </h2>
          <AttachmentList attachments={view.attachments} />
          {view.may.attach ? <AttachForm code={h.code} /> : null}
        </section>
        <div className="grid gap-4 lg:grid-cols-2">
          {view.may.rectify && h.grade === "major" && h.status === "found" ? (
            <FiveForm action={bind(fiveInPlaceAction)} version={h.version} initial={five ?? {}} />
          ) : null}
          {view.may.rectify && h.status === "found" ? (
            <AssignForm action={bind(assignAction)} version={h.version} units={view.units} today={today} />
          ) : null}
          {view.may.rectify && h.status === "rectifying" ? (
            <SubmitForm action={bind(submitAction)} version={h.version} />
          ) : null}
          {view.may.rectify && h.status === "rectifying" && h.deadline ? (
            <ExtendForm action={bind(extendAction)} version={h.version} deadline={h.deadline} />
          ) : null}
          {h.status === "accepting" && view.may.accept && !view.may.ownWork ? (
            <AcceptForm action={bind(acceptAction)} version={h.version} today={today} />
          ) : null}
          {h.status === "accepting" && view.may.ownWork ? (
            <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
              {t("accept.notYours")}
            </p>
          ) : null}
          {view.may.supervise && h.grade === "major" ? (
            <SuperviseForm action={bind(superviseAction)} version={h.version} units={view.units} today={today} />
          ) : null}
        </div>
        <section aria-labelledby="history" className="rounded-lg border border-neutral-200 bg-white p-4">
          <h2 id="history" className="mb-3 text-lg font-semibold">
            {t("history")}
          </h2>
          <ol className="flex flex-col gap-2 text-sm">
            {view.timeline.map((e) => (
              <li key={e.seq} className="border-l-2 border-neutral-300 pl-3">
                <span className="text-neutral-600">{e.when}</span> {e.words}
                {e.reason ? (
                  <span className="block text-neutral-700">{t("reasonLabel", { reason: e.reason })}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      </article>
    </ClientMessages>
  );
}
