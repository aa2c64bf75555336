import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions/sign-out";
import { getDb } from "@/db/client";
import { isDemoDatabase } from "@/db/queries/settings";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { LocaleSwitcher } from "./locale-switcher";

/** Navigation shows what the signed-in person may use; the pages and actions check again. */
export async function AppHeader() {
  const [t, tr, user] = [await getTranslations("app"), await getTranslations("roles"), await getCurrentUser()];
  const ready = user?.stage === "ready" ? user : null;
  const demo = isDemoDatabase(getDb());
  const link = "rounded px-1 hover:underline focus-visible:outline-2 focus-visible:outline-white";
  return (
    <header className="app-header bg-neutral-900 text-white">
      {demo ? (
        <p className="bg-amber-400 px-4 py-1 text-center text-sm font-semibold text-neutral-950">{t("demoBanner")}</p>
      ) : null}
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/risks" className="flex items-center gap-2 text-lg font-bold">
          <span aria-hidden className="flex gap-0.5">
            <span className="h-4 w-2 rounded-sm bg-risk-red" />
            <span className="h-4 w-2 rounded-sm bg-risk-orange" />
            <span className="h-4 w-2 rounded-sm bg-risk-yellow" />
            <span className="h-4 w-2 rounded-sm bg-risk-blue" />
          </span>
          {t("fullName")}
        </Link>
        {ready ? (
          <nav aria-label={t("name")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {can(ready, "board.view") ? <Link href="/board" className={link}>{t("nav.board")}</Link> : null}
            <Link href="/risks" className={link}>{t("nav.register")}</Link>
            {can(ready, "risk.create") ? <Link href="/risks/new" className={link}>{t("nav.newRisk")}</Link> : null}
            {can(ready, "report.read") ? <Link href="/reports" className={link}>{t("nav.reports")}</Link> : null}
            {can(ready, "report.read") ? <Link href="/analysis" className={link}>{t("nav.analysis")}</Link> : null}
            {can(ready, "meeting.read") ? <Link href="/meetings" className={link}>{t("nav.meetings")}</Link> : null}
            {can(ready, "meeting.read") ? <Link href="/tasks" className={link}>{t("nav.tasks")}</Link> : null}
            {can(ready, "history.verify") ? <Link href="/audit" className={link}>{t("nav.audit")}</Link> : null}
            {can(ready, "users.manage") ? <Link href="/admin/users" className={link}>{t("nav.admin")}</Link> : null}
          </nav>
        ) : null}
        <div className="ml-auto flex items-center gap-4 text-sm">
          {user ? (
            <>
              <Link href="/account" className={link}>
                {user.displayName}
                {user.roles.length ? <span className="text-neutral-300"> · {user.roles.map((r) => tr(r)).join("、")}</span> : null}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="rounded border border-white/40 px-2 py-1 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white">
                  {t("signOut")}
                </button>
              </form>
            </>
          ) : null}
          <LocaleSwitcher />
        </div>
      </div>
    </header>
  );
}
