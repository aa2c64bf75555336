import { getTranslations } from "next-intl/server";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo-accounts";

/** Only rendered for a demo database (the demo seed sets the flag): one account per role to try. */
export async function DemoAccounts() {
  const t = await getTranslations("auth");
  const tr = await getTranslations("roles");
  return (
    <aside
      aria-labelledby="demo-accounts"
      className="flex-1 rounded-lg border-2 border-dashed border-amber-500 bg-amber-50 p-6"
    >
      <h2 id="demo-accounts" className="text-lg font-semibold text-amber-950">
        {t("demoTitle")}
      </h2>
      <p className="mt-1 text-sm text-amber-950">{t("demoBody")}</p>
      <div className="overflow-x-auto">
        <table className="mt-3 w-full text-sm">
          <thead>
            <tr className="text-left text-amber-950">
              <th className="py-1 font-medium">{t("username")}</th>
              <th className="py-1 font-medium">{t("role")}</th>
            </tr>
          </thead>
          <tbody>
            {DEMO_USERS.map((u) => (
              <tr key={u.username} className="border-t border-amber-200">
                <td className="py-1 font-mono">{u.username}</td>
                <td className="py-1">{u.roles.map((r) => tr(r)).join("、")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-sm text-amber-950">
        {t("demoPassword")} <code className="rounded bg-white px-1 font-mono">{DEMO_PASSWORD}</code>
      </p>
    </aside>
  );
}
