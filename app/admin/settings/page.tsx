import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/admin/settings-form";
import { getDb } from "@/db/client";
import { getSettings } from "@/db/queries/settings";
import { requirePageUser } from "@/lib/auth/guard";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  await requirePageUser("settings.manage", "/admin/settings");
  const t = await getTranslations("settings");
  return (
    <ClientMessages paths={ISLAND_MESSAGES.settings}>
      <section className="flex max-w-3xl flex-col gap-4">
        <Link href="/admin/users" className="text-sm text-blue-800 underline">
          {t("backToUsers")}
        </Link>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <SettingsForm settings={await getSettings(getDb())} />
      </section>
    </ClientMessages>
  );
}
