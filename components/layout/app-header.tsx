import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions/sign-out";
import type { HeaderView } from "@/lib/views/header";
import { LocaleSwitcher } from "./locale-switcher";

/**
 * Navigation shows what the signed-in person may use; the pages and actions check again. From a
 * tablet's width up it is one bar; on a phone it folds into a menu (a disclosure: no script
 * needed), so the page itself starts on the first screen.
 */
export async function AppHeader({ view }: { view: HeaderView }) {
  const [t, tr] = [await getTranslations("app"), await getTranslations("roles")];
  const { user, links, demo } = view;
  const who = user ? (
    <Link href="/account" className="hdr-link">
      {user.displayName}
      {user.roles.length ? (
        <span className="text-neutral-300"> · {user.roles.map((r) => tr(r)).join("、")}</span>
      ) : null}
    </Link>
  ) : null;
  const signOut = user ? (
    <form action={signOutAction}>
      <button type="submit" className="hdr-button">
        {t("signOut")}
      </button>
    </form>
  ) : null;
  // Rendered once and placed in both the laptop bar and the phone's menu: one copy in the RSC payload.
  const switcher = await LocaleSwitcher();
  const brand = (
    <Link href="/risks" className="hdr-brand">
      <span aria-hidden className="hdr-dots">
        <span className="bg-risk-red" />
        <span className="bg-risk-orange" />
        <span className="bg-risk-yellow" />
        <span className="bg-risk-blue" />
      </span>
      <span className="hdr-full">{t("fullName")}</span>
      <span className="hdr-short">{t("name")}</span>
    </Link>
  );
  return (
    <header className="app-header">
      {demo ? <p className="hdr-demo">{t("demoBanner")}</p> : null}
      {/* Tablet and up: one bar. */}
      <div className="hdr-bar">
        {brand}
        {links.length ? (
          <nav aria-label={t("name")} className="hdr-navlist">
            {links.map((n) => (
              <Link key={n.href} href={n.href} className="hdr-nav">
                {t(`nav.${n.key}`)}
              </Link>
            ))}
          </nav>
        ) : null}
        <div className="hdr-side">
          {who}
          {signOut}
          {switcher}
        </div>
      </div>
      {/* Phone: the brand and a menu that opens over the page. */}
      <div className="hdr-phone">
        {brand}
        <details className="app-menu">
          <summary className="hdr-menu">
            <span aria-hidden>☰</span>
            {t("menu")}
          </summary>
          <div className="hdr-panel">
            {links.length ? (
              <nav aria-label={t("name")} className="hdr-tiles">
                {links.map((n) => (
                  <Link key={n.href} href={n.href} className="hdr-tile">
                    {t(`nav.${n.key}`)}
                  </Link>
                ))}
              </nav>
            ) : null}
            <div className="hdr-panel-side">
              {who}
              {signOut}
              {switcher}
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}
