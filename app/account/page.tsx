import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listUserSessions } from "@/db/mutations/sessions";
import { listAreas, listRegions } from "@/db/queries/reference";
import { getUser } from "@/db/queries/users";
import { localName } from "@/i18n/locales";
import { requirePageUser } from "@/lib/auth/guard";
import { singleValues, type SearchParams } from "@/lib/validation/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

type Props = { searchParams: SearchParams };

/** My account: who I am, what I may do and where, two-factor, and where I am signed in. */
export default async function AccountPage({ searchParams }: Props) {
  const user = await requirePageUser(null, "/account");
  const [params, t, tr, locale, format] = await Promise.all([
    searchParams.then(singleValues),
    getTranslations("account"),
    getTranslations("roles"),
    getLocale(),
    getFormatter(),
  ]);
  const db = getDb();
  const me = (await getUser(db, { id: user.id }))!;
  const areaNames = new Map((await listAreas(db)).map((a) => [a.id, localName(a, locale)]));
  const regionNames = new Map((await listRegions(db)).map((r) => [r.id, localName(r, locale)]));
  const notice = params.passwordChanged
    ? t("passwordChanged")
    : params.totpEnabled
      ? t("totpEnabled")
      : params.totpDisabled
        ? t("totpDisabled")
        : null;
  const sessions = await listUserSessions(db, { userId: user.id });
  return (
    <section className="mx-auto flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {notice ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {notice}
        </p>
      ) : null}
      <dl className="grid gap-4 rounded-lg border border-neutral-200 bg-white p-4 sm:grid-cols-2">
        <div>
          <dt className="text-xs font-medium text-neutral-600">{t("name")}</dt>
          <dd>
            {user.displayName} <span className="font-mono text-sm text-neutral-600">({user.username})</span>
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-neutral-600">{t("roles")}</dt>
          <dd>{user.roles.map((r) => tr(r)).join("、") || t("noRoles")}</dd>
        </div>
        {user.roles.includes("officer") ? (
          <div className="sm:col-span-2">
            <dt className="text-xs font-medium text-neutral-600">{t("scope")}</dt>
            <dd>
              {t("scopeText", {
                areas: user.scope.areaIds.map((id) => areaNames.get(id)).join("、"),
                regions: user.scope.regionIds.map((id) => regionNames.get(id)).join("、"),
              })}
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="text-xs font-medium text-neutral-600">{t("lastSignIn")}</dt>
          <dd>
            {me.lastSignInAt ? format.dateTime(me.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-neutral-600">{t("totpTitle")}</dt>
          <dd>{user.totpEnabled ? t("totpOn") : t("totpOff")}</dd>
        </div>
      </dl>
      <div className="flex flex-wrap gap-3">
        <Link
          href="/account/password"
          className="rounded border border-neutral-400 bg-white px-4 py-2 text-sm hover:bg-neutral-100"
        >
          {t("changePassword")}
        </Link>
        <Link
          href="/account/two-factor"
          className="rounded border border-neutral-400 bg-white px-4 py-2 text-sm hover:bg-neutral-100"
        >
          {t("totpTitle")}
        </Link>
      </div>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("sessions")}</h2>
        <ul className="rounded-lg border border-neutral-200 bg-white text-sm">
          {sessions.map((s, i) => (
            <li key={i} className="border-b border-neutral-100 px-4 py-2 last:border-0">
              {t("sessionLine", {
                started: format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                seen: format.dateTime(s.lastSeenAt, { dateStyle: "medium", timeStyle: "short" }),
                ip: s.ip ?? "—",
              })}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
