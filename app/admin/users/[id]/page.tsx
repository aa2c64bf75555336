import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AccountControl } from "@/components/admin/account-controls";
import { UserForm } from "@/components/admin/user-form";
import { userFormOptions } from "@/lib/views/user-form";
import { getDb } from "@/db/client";
import { getPrincipal, getUser } from "@/db/queries/users";
import { requirePageUser } from "@/lib/auth/guard";
import { resetPasswordAction, resetTotpAction, setActiveAction } from "../actions/account-controls";
import { updateUserAction } from "../actions/update-user";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";
import { isId } from "@/lib/validation/fields";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("editUser") };
}

export default async function EditUserPage({ params }: Props) {
  const me = await requirePageUser("users.manage", "/admin/users");
  const id = Number((await params).id);
  const db = getDb();
  const user = isId(id) ? await getUser(db, { id }) : undefined;
  if (!user) notFound();
  const { roles, scope, unitIds } = await getPrincipal(db, { userId: id });
  const [t, locale, format] = [await getTranslations("admin"), await getLocale(), await getFormatter()];
  return (
    <ClientMessages paths={ISLAND_MESSAGES.users}>
      <section className="flex flex-col gap-4">
        <Link href="/admin/users" className="text-sm text-blue-800 underline">
          {t("backToUsers")}
        </Link>
        <h1 className="text-2xl font-bold">
          {user.displayName} <span className="font-mono text-base text-neutral-600">({user.username})</span>
        </h1>
        <p className="text-sm text-neutral-700">
          {user.active ? t("active") : t("inactive")} · {t("lastSignIn")}:{" "}
          {user.lastSignInAt
            ? format.dateTime(user.lastSignInAt, { dateStyle: "medium", timeStyle: "short" })
            : t("never")}{" "}
          · {t("totp")}: {user.totpEnabled ? t("on") : t("off")}
        </p>
        <UserForm
          key={user.version}
          action={updateUserAction.bind(null, id)}
          isNew={false}
          initial={{
            username: user.username,
            displayName: user.displayName,
            roles,
            areaIds: [...scope.areaIds],
            regionIds: [...scope.regionIds],
            unitIds,
            version: user.version,
          }}
          options={await userFormOptions(db, locale, [...scope.regionIds])}
        />
        <div className="flex flex-wrap items-start gap-6 rounded-lg border border-neutral-200 bg-white p-6">
          <AccountControl
            action={resetPasswordAction.bind(null, id)}
            label={t("resetPassword")}
            confirm={t("confirmResetPassword")}
          />
          {user.totpEnabled ? (
            <AccountControl
              action={resetTotpAction.bind(null, id)}
              label={t("resetTotp")}
              confirm={t("confirmResetTotp")}
            />
          ) : null}
          {me.id !== id ? (
            user.active ? (
              <AccountControl
                action={setActiveAction.bind(null, id, false)}
                label={t("deactivate")}
                confirm={t("confirmDeactivate")}
                tone="danger"
              />
            ) : (
              <AccountControl
                action={setActiveAction.bind(null, id, true)}
                label={t("reactivate")}
                confirm={t("confirmReactivate")}
              />
            )
          ) : null}
        </div>
      </section>
    </ClientMessages>
  );
}
