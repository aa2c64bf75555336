import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";
import { AppHeader } from "@/components/layout/app-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("fullName"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = [await getLocale(), await getTranslations("app")];
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-neutral-50 font-sans text-neutral-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        {/* The client gets only the error page's words here; each page hands its islands their own (decision 023). */}
        <ClientMessages paths={ISLAND_MESSAGES.shell}>
          <AppHeader />
          <main id="main" className="mx-auto max-w-screen-2xl px-4 py-6">
            {children}
          </main>
        </ClientMessages>
      </body>
    </html>
  );
}
