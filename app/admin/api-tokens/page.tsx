import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IssueTokenForm, RevokeTokenButton } from "@/components/admin/api-token-forms";
import { getDb } from "@/db/client";
import { listAreas, listRegions } from "@/db/queries/reference";
import { listApiTokens } from "@/db/queries/api-tokens";
import { localName } from "@/i18n/locales";
import { requirePageUser } from "@/lib/auth/guard";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiTokens"))("title") };
}

/** Admin: the read API's tokens — issue (shown once), see scope and last use, revoke. */
export default async function ApiTokensPage() {
  await requirePageUser("users.manage", "/admin/api-tokens");
  const [t, format, locale] = [await getTranslations("apiTokens"), await getFormatter(), await getLocale()];
  const db = getDb();
  const areas = (await listAreas(db)).map((a) => ({ id: a.id, label: localName(a, locale) }));
  const regions = (await listRegions(db)).map((r) => ({ id: r.id, label: localName(r, locale) }));
  const names = (ids: number[], all: Array<{ id: number; label: string }>) =>
    ids.length ? ids.map((id) => all.find((o) => o.id === id)?.label ?? String(id)).join("、") : t("all");
  const tokens = await listApiTokens(db);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  return (
    <ClientMessages paths={ISLAND_MESSAGES.apiTokens}>
      <section className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-neutral-700">{t("intro")}</p>
        <IssueTokenForm areas={areas} regions={regions} />
        <div className="overflow-x-auto">
          <table className="register-table w-full bg-white text-sm">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("area")}</th>
                <th scope="col">{t("region")}</th>
                <th scope="col">{t("created")}</th>
                <th scope="col">{t("lastUsed")}</th>
                <th scope="col">{t("state")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.length === 0 ? (
                <tr>
                  <td colSpan={6}>{t("none")}</td>
                </tr>
              ) : null}
              {tokens.map((k) => (
                <tr key={k.id} className={k.revokedAt ? "text-neutral-500" : ""}>
                  <td>{k.name}</td>
                  <td className="wrap">{names(k.areaIds, areas)}</td>
                  <td className="wrap">{names(k.regionIds, regions)}</td>
                  <td>{when(k.createdAt)}</td>
                  <td>{when(k.lastUsedAt)}</td>
                  <td>
                    {k.revokedAt ? (
                      t("revokedAt", { time: when(k.revokedAt) })
                    ) : (
                      <RevokeTokenButton id={k.id} name={k.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </ClientMessages>
  );
}
