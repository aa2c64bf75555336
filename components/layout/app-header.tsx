import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions/sign-out";
import { getDb } from "@/db/client";
import { isDemoDatabase } from "@/db/queries/settings";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/permissions";
import { LocaleSwitcher } from "./locale-switcher";

const NAV: Array<{ href: string; key: "board" | "register" | "newRisk" | "reports" | "analysis" | "meetings" | "tasks" | "audit" | "admin"; needs?: Permission }> = [
  { href: "/board", key: "board", needs: "board.view" },
  { href: "/risks", key: "register" },
  { href: "/risks/new", key: "newRisk", needs: "risk.create" },
  { href: "/reports", key: "reports", needs: "report.read" },
  { href: "/analysis", key: "analysis", needs: "report.read" },
  { href: "/meetings", key: "meetings", needs: "meeting.read" },
  { href: "/tasks", key: "tasks", needs: "meeting.read" },
  { href: "/audit", key: "audit", needs: "history.verify" },
  { href: "/admin/users", key: "admin", needs: "users.manage" },
];

/**
 * Navigation shows what the signed-in person may use; the pages and actions check again. From a
 * tablet's width up it is one bar; on a phone it folds into a menu (a disclosure: no script
 * needed), so the page itself starts on the first screen.
 */
export async function AppHeader() {
  const [t, tr, user] = [await getTranslations("app"), await getTranslations("roles"), await getCurrentUser()];
  const ready = user?.stage === "ready" ? user : null;
  const demo = isDemoDatabase(getDb());
  const links = ready ? NAV.filter((n) => !n.needs || can(ready, n.needs)) : [];
  const who = user ? (
    <Link href="/account" className="hdr-link">
      {user.displayName}
      {user.roles.length ? <span className="text-neutral-300"> · {user.roles.map((r) => tr(r)).join("、")}</span> : null}
    </Link>
  ) : null;
  const signOut = user ? (
    <form action={signOutAction}>
      <button type="submit" className="hdr-button">
        {t("signOut")}
      </button>
    </form>
  ) : null;
  const brand = (
    <Link href="/risks" className="flex min-h-8 items-center gap-2 text-lg font-bold whitespace-nowrap">
      <span aria-hidden className="flex gap-0.5">
        <span className="h-4 w-2 rounded-sm bg-risk-red" />
        <span className="h-4 w-2 rounded-sm bg-risk-orange" />
        <span className="h-4 w-2 rounded-sm bg-risk-yellow" />
        <span className="h-4 w-2 rounded-sm bg-risk-blue" />
      </span>
      <span className="hidden sm:inline">{t("fullName")}</span>
      <span className="sm:hidden">{t("name")}</span>
    </Link>
  );
  return (
    <header className="app-header bg-neutral-900 text-white">
      {demo ? <p className="bg-amber-400 px-4 py-0.5 text-center text-xs font-semibold text-neutral-950 sm:py-1 sm:text-sm">{t("demoBanner")}</p> : null}
      {/* Tablet and up: one bar. */}
      <div className="mx-auto hidden max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 md:flex">
        {brand}
        {links.length ? (
          <nav aria-label={t("name")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {links.map((n) => (
              <Link key={n.href} href={n.href} className="hdr-nav">
                {t(`nav.${n.key}`)}
              </Link>
            ))}
          </nav>
        ) : null}
        <div className="ml-auto flex items-center gap-4 text-sm">
          {who}
          {signOut}
          <LocaleSwitcher />
        </div>
      </div>
      {/* Phone: the brand and a menu that opens over the page. */}
      <div className="relative flex items-center justify-between gap-3 px-4 py-2 md:hidden">
        {brand}
        <details className="app-menu">
          <summary className="hdr-menu">
            <span aria-hidden>☰</span>
            {t("menu")}
          </summary>
          <div className="absolute inset-x-0 top-full z-30 flex flex-col gap-3 border-t border-white/20 bg-neutral-900 px-4 pt-2 pb-4 text-base shadow-lg">
            {links.length ? (
              <nav aria-label={t("name")} className="grid grid-cols-2 gap-1">
                {links.map((n) => (
                  <Link key={n.href} href={n.href} className="hdr-tile">
                    {t(`nav.${n.key}`)}
                  </Link>
                ))}
              </nav>
            ) : null}
            <div className="flex flex-wrap items-center gap-3 text-sm">
              {who}
              {signOut}
              <LocaleSwitcher />
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}
