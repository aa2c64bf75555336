import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { requirePageUser } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("users") };
}

export default async function UsersPage() {
  await requirePageUser("users.manage", "/admin/users");
  const [t, tr, format] = [await getTranslations("admin"), await getTranslations("roles"), await getFormatter()];
  const users = await listUsers(getDb());
  return (
    <section className="flex flex-col gap-4">
      <div className="flex items-center gap-4">
        <h1 className="text-2xl font-bold">{t("users")}</h1>
        <Link
          href="/admin/users/new"
          className="ml-auto rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900"
        >
          {t("newUser")}
        </Link>
        <Link
          href="/admin/reference"
          className="rounded border border-neutral-400 bg-white px-4 py-2 text-sm hover:bg-neutral-100"
        >
          {t("reference")}
        </Link>
        <Link
          href="/admin/settings"
          className="rounded border border-neutral-400 bg-white px-4 py-2 text-sm hover:bg-neutral-100"
        >
          {t("settings")}
        </Link>
        <Link
          href="/admin/api-tokens"
          className="rounded border border-neutral-400 bg-white px-4 py-2 text-sm hover:bg-neutral-100"
        >
          {t("apiTokens")}
        </Link>
      </div>
      <div className="overflow-x-auto">
        <table className="register-table w-full bg-white text-sm">
          <thead>
            <tr>
              <th scope="col">{t("username")}</th>
              <th scope="col">{t("displayName")}</th>
              <th scope="col">{t("roles")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("totp")}</th>
              <th scope="col">{t("lastSignIn")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.active ? "" : "text-neutral-500"}>
                <td>
                  <Link href={`/admin/users/${u.id}`} className="font-mono text-blue-800 underline">
                    {u.username}
                  </Link>
                </td>
                <td>{u.displayName}</td>
                <td>{u.roles.map((r) => tr(r)).join("、") || "—"}</td>
                <td>
                  {u.active ? t("active") : t("inactive")}
                  {u.mustChangePassword ? ` · ${t("mustChange")}` : ""}
                </td>
                <td>{u.totpEnabled ? t("on") : t("off")}</td>
                <td>
                  {u.lastSignInAt
                    ? format.dateTime(u.lastSignInAt, { dateStyle: "medium", timeStyle: "short" })
                    : t("never")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
