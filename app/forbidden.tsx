import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Rendered with status 403 when a page calls forbidden(): signed in, but not allowed here. */
export default async function Forbidden() {
  const t = await getTranslations("auth");
  return (
    <section className="notice-page">
      <h1>{t("forbiddenTitle")}</h1>
      <p>{t("forbiddenBody")}</p>
      <Link href="/risks">{t("toRegister")}</Link>
    </section>
  );
}
