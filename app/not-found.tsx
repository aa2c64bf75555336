import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const [t, tr] = [await getTranslations("errors"), await getTranslations("risk")];
  return (
    <section className="py-12">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-neutral-700">{t("notFoundBody")}</p>
      <Link href="/risks" className="mt-4 inline-block text-blue-800 underline">{tr("backToRegister")}</Link>
    </section>
  );
}
