"use client";

import { useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";

/**
 * Meeting mode: wraps the page in .meeting-mode (globals.css styles the whole document by it, from
 * the first paint) so the board fills the screen with type sized to it, and drives it from the
 * keyboard or a presenter's clicker:
 * arrows move between cells, Enter opens the focused cell (a link), Esc leaves the meeting,
 * PageDown / PageUp step to the next or previous group (categories ↔ domains).
 */
export function MeetingShell({ children, nextHref, previousHref, exitHref }: { children: ReactNode; nextHref: string; previousHref: string; exitHref: string }) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !document.fullscreenElement) return router.push(exitHref);
      if (e.key === "PageDown") return (e.preventDefault(), router.push(nextHref));
      if (e.key === "PageUp") return (e.preventDefault(), router.push(previousHref));
      const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      const move = moves[e.key];
      if (!move) return;
      e.preventDefault();
      const current = document.activeElement as HTMLElement | null;
      const row = Number(current?.dataset.row ?? -1);
      const col = Number(current?.dataset.col ?? -1);
      const target = row < 0 ? [0, 0] : [row + move[0], col + move[1]];
      document.querySelector<HTMLElement>(`[data-row="${target[0]}"][data-col="${target[1]}"]`)?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, nextHref, previousHref, exitHref]);
  return <div className="meeting-mode">{children}</div>;
}
