"use client";

import { useRouter } from "next/navigation";

/** One click into meeting mode: full screen (where the browser allows it) and the presentation view, keeping the board's reference date. */
export function MeetingButton({ label, href }: { label: string; href: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className="no-print rounded bg-neutral-900 px-4 py-2 text-sm font-medium text-white hover:bg-neutral-700"
      onClick={() => {
        // Full screen must be asked for inside the click; it survives the client-side navigation.
        document.documentElement.requestFullscreen?.().catch(() => undefined);
        router.push(href);
      }}
    >
      {label}
    </button>
  );
}
