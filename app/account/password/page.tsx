import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PasswordForm } from "@/components/auth/password-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("changePassword") };
}

export default async function PasswordPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/account/password");
  if (user.stage === "pendingTotp") redirect("/login/verify");
  const t = await getTranslations("account");
  return (
    <ClientMessages paths={ISLAND_MESSAGES.password}>
      <section className="mx-auto max-w-md rounded-lg border border-neutral-200 bg-white p-6">
        <h1 className="mb-2 text-2xl font-bold">{t("changePassword")}</h1>
        {user.stage === "mustChangePassword" ? (
          <p role="alert" className="mb-4 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {t("mustChange")}
          </p>
        ) : null}
        <PasswordForm />
      </section>
    </ClientMessages>
  );
}
