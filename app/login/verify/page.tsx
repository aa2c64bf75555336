import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TotpCodeForm } from "@/components/auth/totp-code-form";
import { verifyTotpAction } from "@/app/login/actions/verify-totp";
import { signOutAction } from "@/app/actions/sign-out";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/redirect";
import { singleValues, type SearchParams } from "@/lib/validation/params";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("totpTitle") };
}

export default async function VerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNextPath(singleValues(await searchParams).next);
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.stage !== "pendingTotp") redirect(next);
  const t = await getTranslations("auth");
  return (
    <ClientMessages paths={ISLAND_MESSAGES.login}>
      <section className="mx-auto max-w-md rounded-lg border border-neutral-200 bg-white p-6">
        <h1 className="mb-2 text-2xl font-bold">{t("totpTitle")}</h1>
        <p className="mb-4 text-sm text-neutral-700">{t("totpBody")}</p>
        <TotpCodeForm action={verifyTotpAction} next={next} submitLabel={t("verify")} />
        <form action={signOutAction} className="mt-4">
          <button type="submit" className="text-sm text-blue-800 underline">
            {t("cancelSignIn")}
          </button>
        </form>
      </section>
    </ClientMessages>
  );
}
