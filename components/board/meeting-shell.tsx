"use client";

import { useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { nextStop, type Stop } from "@/lib/domain/presenter";

const GROUPS = ["category", "domain"];

/**
 * Meeting mode: wraps the page in .meeting-mode (globals.css styles the whole document by it, from
 * the first paint) so the board fills the screen with type sized to it, and drives it from the
 * keyboard or a presenter's clicker:
 * arrows move between cells, Enter opens the focused cell (a link), Esc leaves the meeting.
 * PageDown / PageUp (a clicker's next / back) step through the cells that changed since the
 * reference date, crossing to the other group when the next change is there; with no reference
 * date, or nothing changed, they switch groups.
 */
export function MeetingShell({ children, group, stops, focus, query, exitHref }: {
  children: ReactNode; group: string; stops: Stop[]; focus: { row: number; col: number } | null; query: string; exitHref: string;
}) {
  const router = useRouter();
  // Arriving from the other group on the way through the changes: focus the change stepped to. Keyed
  // by the place, not the object, so a live refresh of the same page leaves the presenter where they are.
  const focusKey = focus ? `${focus.row}-${focus.col}` : "";
  useEffect(() => {
    if (!focusKey) return;
    const [row, col] = focusKey.split("-");
    document.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)?.focus();
  }, [focusKey]);
  useEffect(() => {
    const cell = (row: number, col: number) => document.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
    const href = (g: string, at?: { row: number; col: number }) => `/board/meeting?${new URLSearchParams({ g, ...(query ? Object.fromEntries(new URLSearchParams(query)) : {}), ...(at ? { focus: `${at.row}-${at.col}` } : {}) })}`;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !document.fullscreenElement) return router.push(exitHref);
      if (e.key === "PageDown" || e.key === "PageUp") {
        e.preventDefault();
        const current = document.activeElement as HTMLElement | null;
        const at = current?.dataset.row ? { group, row: Number(current.dataset.row), col: Number(current.dataset.col) } : null;
        const stop = nextStop(stops, GROUPS, at, e.key === "PageDown" ? 1 : -1);
        if (!stop) return router.push(href(GROUPS.find((g) => g !== group)!));
        if (stop.group === group) return cell(stop.row, stop.col)?.focus();
        return router.push(href(stop.group, stop));
      }
      const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      const move = moves[e.key];
      if (!move) return;
      e.preventDefault();
      const current = document.activeElement as HTMLElement | null;
      const row = Number(current?.dataset.row ?? -1);
      const col = Number(current?.dataset.col ?? -1);
      const target = row < 0 ? [0, 0] : [row + move[0], col + move[1]];
      cell(target[0], target[1])?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, group, stops, query, exitHref]);
  return <div className="meeting-mode">{children}</div>;
}
