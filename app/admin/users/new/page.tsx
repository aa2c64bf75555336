import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { UserForm } from "@/components/admin/user-form";
import { userFormOptions } from "@/lib/views/user-form";
import { getDb } from "@/db/client";
import { requirePageUser } from "@/lib/auth/guard";
import { createUserAction } from "../actions/create-user";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("newUser") };
}

export default async function NewUserPage() {
  await requirePageUser("users.manage", "/admin/users/new");
  const [t, locale] = [await getTranslations("admin"), await getLocale()];
  return (
    <ClientMessages paths={ISLAND_MESSAGES.users}>
      <section className="flex flex-col gap-4">
        <Link href="/admin/users" className="text-sm text-blue-800 underline">
          {t("backToUsers")}
        </Link>
        <h1 className="text-2xl font-bold">{t("newUser")}</h1>
        <UserForm
          action={createUserAction}
          isNew
          initial={{ username: "", displayName: "", roles: [], areaIds: [], regionIds: [], unitIds: [] }}
          options={await userFormOptions(getDb(), locale)}
        />
      </section>
    </ClientMessages>
  );
}
