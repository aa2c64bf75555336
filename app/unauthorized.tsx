import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * Status 401 (Next's `unauthorized()`): pages send anonymous visitors to the sign-in page instead,
 * but with auth interrupts on, Next would otherwise put its own English page into every response.
 */
export default async function Unauthorized() {
  const t = await getTranslations("auth");
  return (
    <section className="notice-page">
      <h1>{t("signInRequired")}</h1>
      <Link href="/login">{t("signIn")}</Link>
    </section>
  );
}
