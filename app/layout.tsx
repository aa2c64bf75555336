import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";
import { AppHeader } from "@/components/layout/app-header";
import { loadHeader } from "@/lib/views/header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("fullName"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = [await getLocale(), await getTranslations("app")];
  return (
    <html lang={locale}>
      <body className="app-body">
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        {/* The client gets only the error page's words here; each page hands its islands their own (decision 023). */}
        <ClientMessages paths={ISLAND_MESSAGES.shell}>
          <AppHeader view={await loadHeader()} />
          <main id="main" className="app-main">
            {children}
          </main>
        </ClientMessages>
      </body>
    </html>
  );
}
