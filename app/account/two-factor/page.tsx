import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { ConfirmTotp, DisableTotp, StartTotp } from "@/components/auth/two-factor-controls";
import { getDb } from "@/db/client";
import { getSettings } from "@/db/queries/settings";
import { getTotpState } from "@/db/queries/users";
import { getCurrentUser } from "@/lib/auth/current-user";
import { totpUri } from "@/lib/auth/totp";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("totpTitle") };
}

/** Enrol: start → scan the QR code (or type the key) → confirm with a code. Shown only to its owner. */
export default async function TwoFactorPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/account/two-factor");
  if (user.stage === "pendingTotp") redirect("/login/verify");
  if (user.stage === "mustChangePassword") redirect("/account/password");
  const t = await getTranslations("account");
  const db = getDb();
  const required = (await getSettings(db)).totpRequiredRoles.some((r) => user.roles.includes(r));
  const pending = user.totpEnabled ? null : ((await getTotpState(db, { userId: user.id }))?.pending ?? null);
  const uri = pending ? totpUri(pending, { issuer: "Sise 四色", label: user.username }) : null;
  const qr = uri ? await QRCode.toDataURL(uri, { margin: 1, width: 220 }) : null;
  return (
    <ClientMessages paths={ISLAND_MESSAGES.twoFactor}>
      <section className="mx-auto flex max-w-xl flex-col gap-4 rounded-lg border border-neutral-200 bg-white p-6">
        <h1 className="text-2xl font-bold">{t("totpTitle")}</h1>
        {user.stage === "mustEnrolTotp" ? (
          <p role="alert" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {t("totpMustEnrol")}
          </p>
        ) : null}
        <p className="text-sm text-neutral-700">{user.totpEnabled ? t("totpOn") : t("totpOff")}</p>
        {user.totpEnabled ? (
          required ? (
            <p className="text-sm text-neutral-700">{t("totpRequired")}</p>
          ) : (
            <DisableTotp />
          )
        ) : (
          <>
            {qr && pending ? (
              <div className="flex flex-col gap-3">
                <p className="text-sm">{t("totpScan")}</p>
                {/* A data: URL made on the server: the secret never goes to a third-party QR service. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={qr}
                  alt={t("totpQrAlt")}
                  width={220}
                  height={220}
                  className="rounded border border-neutral-300"
                />
                <p className="text-sm">
                  {t("totpKey")}{" "}
                  <code data-testid="totp-key" className="rounded bg-neutral-100 px-1 font-mono break-all">
                    {pending}
                  </code>
                </p>
                <ConfirmTotp />
              </div>
            ) : null}
            <StartTotp restart={!!pending} />
          </>
        )}
      </section>
    </ClientMessages>
  );
}
