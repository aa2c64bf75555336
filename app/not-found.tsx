import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const [t, tr] = [await getTranslations("errors"), await getTranslations("risk")];
  return (
    <section className="notice-page">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <Link href="/risks">{tr("backToRegister")}</Link>
    </section>
  );
}
