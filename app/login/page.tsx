import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { getDb } from "@/db/client";
import { isDemoDatabase } from "@/db/queries/settings";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/redirect";
import { singleValues, type SearchParams } from "@/lib/validation/params";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

type Props = { searchParams: SearchParams };

export default async function LoginPage({ searchParams }: Props) {
  const { next, signedOut, setup } = singleValues(await searchParams);
  const target = safeNextPath(next);
  const user = await getCurrentUser();
  if (user?.stage === "ready") redirect(target);
  if (user?.stage === "pendingTotp") redirect(`/login/verify?next=${encodeURIComponent(target)}`);
  const t = await getTranslations("auth");
  const demo = await isDemoDatabase(getDb());
  return (
    <ClientMessages paths={ISLAND_MESSAGES.login}>
      <div className="mx-auto flex max-w-3xl flex-col gap-6 md:flex-row">
        <section className="flex-1 rounded-lg border border-neutral-200 bg-white p-6">
          <h1 className="mb-4 text-2xl font-bold">{t("signInTitle")}</h1>
          {signedOut || setup ? (
            <p
              role="status"
              className="mb-4 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
            >
              {signedOut ? t("signedOut") : t("setupDone")}
            </p>
          ) : null}
          <SignInForm next={target} />
        </section>
        {demo ? <DemoAccounts /> : null}
      </div>
    </ClientMessages>
  );
}
