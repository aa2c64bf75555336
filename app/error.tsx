"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useEffect, useState } from "react";

const RETRY_MS = 10_000;

/**
 * A page that failed to render. When the cause is the database being out of reach (asked of
 * /api/health), it says so instead — "temporarily unavailable" — and tries again by itself every
 * ten seconds, rendering the page anew once the database answers.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  const router = useRouter();
  const [storeDown, setStoreDown] = useState(false);
  useEffect(() => {
    let stopped = false;
    let wasDown = false;
    let timer: number | undefined;
    const check = async () => {
      const down = await fetch("/api/health", { cache: "no-store" }).then(
        (r) => r.status === 503,
        () => true, // the server itself out of reach: also "try again shortly"
      );
      if (stopped) return;
      if (wasDown && !down) {
        // Back: render the page again, from the server.
        startTransition(() => {
          router.refresh();
          reset();
        });
        return;
      }
      wasDown = down;
      setStoreDown(down);
      if (down) timer = window.setTimeout(() => void check(), RETRY_MS);
    };
    void check();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [reset, router]);
  return (
    <section role="alert" className="py-12">
      <h1 className="text-2xl font-bold">{t(storeDown ? "unavailableTitle" : "serverErrorTitle")}</h1>
      <p className="mt-2 max-w-prose text-neutral-700">{t(storeDown ? "unavailableBody" : "serverErrorBody")}</p>
      {storeDown ? (
        <p className="mt-4 text-neutral-600">{t("unavailableRetrying")}</p>
      ) : (
        <button type="button" onClick={reset} className="mt-4 rounded bg-neutral-900 px-4 py-2 text-white">
          {t("retry")}
        </button>
      )}
    </section>
  );
}
