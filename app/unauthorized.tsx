import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * Status 401 (Next's `unauthorized()`): pages send anonymous visitors to the sign-in page instead,
 * but with auth interrupts on, Next would otherwise put its own English page into every response.
 */
export default async function Unauthorized() {
  const t = await getTranslations("auth");
  return (
    <section className="py-12">
      <h1 className="text-2xl font-bold">{t("signInRequired")}</h1>
      <Link href="/login" className="mt-4 inline-block text-blue-800 underline">{t("signIn")}</Link>
    </section>
  );
}
