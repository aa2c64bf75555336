import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "./locale-switcher";

export async function AppHeader() {
  const t = await getTranslations("app");
  return (
    <header className="bg-neutral-900 text-white">
      <div className="mx-auto flex max-w-screen-2xl items-center gap-6 px-4 py-3">
        <Link href="/risks" className="flex items-center gap-2 text-lg font-bold">
          <span aria-hidden className="flex gap-0.5">
            <span className="h-4 w-2 rounded-sm bg-risk-red" />
            <span className="h-4 w-2 rounded-sm bg-risk-orange" />
            <span className="h-4 w-2 rounded-sm bg-risk-yellow" />
            <span className="h-4 w-2 rounded-sm bg-risk-blue" />
          </span>
          {t("fullName")}
        </Link>
        <nav aria-label={t("name")} className="flex gap-4 text-sm">
          <Link href="/risks" className="hover:underline">{t("nav.register")}</Link>
          <Link href="/risks/new" className="hover:underline">{t("nav.newRisk")}</Link>
        </nav>
        <div className="ml-auto">
          <LocaleSwitcher />
        </div>
      </div>
    </header>
  );
}
