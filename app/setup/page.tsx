import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/auth/setup-form";
import { getDb } from "@/db/client";
import { getSetupTokenDigest } from "@/db/queries/settings";
import { countUsers } from "@/db/queries/users";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("title") };
}

/** First start only: closed for good once any account exists. */
export default async function SetupPage() {
  const db = getDb();
  if ((await countUsers(db)) > 0 || !(await getSetupTokenDigest(db))) redirect("/login");
  const t = await getTranslations("setup");
  return (
    <ClientMessages paths={ISLAND_MESSAGES.setup}>
      <section className="mx-auto max-w-md rounded-lg border border-neutral-200 bg-white p-6">
        <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
        <p className="mb-4 text-sm text-neutral-700">{t("body")}</p>
        <SetupForm />
      </section>
    </ClientMessages>
  );
}
