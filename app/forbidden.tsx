import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Rendered with status 403 when a page calls forbidden(): signed in, but not allowed here. */
export default async function Forbidden() {
  const t = await getTranslations("auth");
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-neutral-200 bg-white p-6">
      <h1 className="mb-2 text-2xl font-bold">{t("forbiddenTitle")}</h1>
      <p className="mb-4 text-neutral-700">{t("forbiddenBody")}</p>
      <Link href="/risks" className="text-blue-800 underline">{t("toRegister")}</Link>
    </section>
  );
}
