"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Keeps an open board current: polls /api/board/version and, when a risk has changed, asks Next to
 * re-render the page's server components in place (router.refresh) — no reload, no flicker, and
 * focus, scroll and the presenter's place are kept. Polling pauses while the tab is hidden.
 * Polling rather than server-sent events: one tiny indexed query every few seconds per open board
 * works behind any proxy and holds no connection open on the single Node process.
 */
export function LiveRefresh({ version, intervalMs = 5000 }: { version: number; intervalMs?: number }) {
  const router = useRouter();
  const seen = useRef(version);
  useEffect(() => {
    seen.current = version;
  }, [version]);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      if (document.hidden) return;
      try {
        const res = await fetch("/api/board/version", { cache: "no-store" });
        if (!res.ok) return;
        const { version: latest } = (await res.json()) as { version: number };
        if (!stopped && latest !== seen.current) {
          seen.current = latest;
          router.refresh();
        }
      } catch {
        // A missed poll is retried at the next tick; the board keeps showing what it has.
      }
    };
    const id = window.setInterval(() => void tick(), intervalMs);
    return () => {
      stopped = true;
      window.clearInterval(id);
    };
  }, [router, intervalMs]);
  return null;
}
