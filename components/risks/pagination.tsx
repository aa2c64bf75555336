import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { registerSearch, type RegisterQuery } from "@/lib/validation/register-query";

export async function Pagination({ query, page, pages }: { query: RegisterQuery; page: number; pages: number }) {
  const t = await getTranslations("register");
  const link = "rounded border border-neutral-300 bg-white px-3 py-1 text-sm hover:bg-neutral-100";
  const off = "rounded border border-neutral-200 px-3 py-1 text-sm text-neutral-400";
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link className={link} rel="prev" href={`/risks${registerSearch({ ...query, page: page - 1 })}`}>
          {t("previous")}
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          {t("previous")}
        </span>
      )}
      <span className="text-sm text-neutral-700">{t("page", { page, pages })}</span>
      {page < pages ? (
        <Link className={link} rel="next" href={`/risks${registerSearch({ ...query, page: page + 1 })}`}>
          {t("next")}
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          {t("next")}
        </span>
      )}
    </nav>
  );
}
