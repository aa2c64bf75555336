"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <section role="alert" className="py-12">
      <h1 className="text-2xl font-bold">{t("serverErrorTitle")}</h1>
      <p className="mt-2 text-neutral-700">{t("serverErrorBody")}</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-neutral-900 px-4 py-2 text-white">
        {t("retry")}
      </button>
    </section>
  );
}
