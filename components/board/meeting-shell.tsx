"use client";

import { useRouter } from "next/navigation";
import { useEffect, useLayoutEffect, useRef, type ReactNode } from "react";
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
export function MeetingShell({
  children,
  group,
  stops,
  focus,
  query,
  exitHref,
}: {
  children: ReactNode;
  group: string;
  stops: Stop[];
  focus: { row: number; col: number } | null;
  query: string;
  exitHref: string;
}) {
  const router = useRouter();
  const root = useRef<HTMLDivElement>(null);
  // Every label and count must fit the projected screen in any language, and none may be cut:
  // a heading that does not fit gets smaller type, a cell that does not fit drops its minor counts
  // (then, if need be, takes smaller type too). Measured after layout, again on resize and after
  // a live refresh changes the cells.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const overflows = (node: HTMLElement, tall: boolean) =>
      node.scrollWidth > node.clientWidth || (tall && node.scrollHeight > node.clientHeight + 1);
    const shrink = (node: HTMLElement, tall = false) => {
      node.style.fontSize = "";
      let size = parseFloat(getComputedStyle(node).fontSize);
      for (let i = 0; i < 10 && overflows(node, tall); i++) {
        size *= 0.92;
        node.style.fontSize = `${size}px`;
      }
    };
    const fit = () => {
      el.removeAttribute("data-fitted");
      // The rows share the screen's height left after the title bar, the headings and the legend.
      const table = el.querySelector<HTMLElement>(".board-table");
      const body = table?.querySelector("tbody");
      if (table && body) {
        const rows = body.rows.length;
        const cells = [...body.querySelectorAll<HTMLElement>(".board-cell")];
        const cellHeight = cells[0]?.getBoundingClientRect().height ?? 0;
        const page = document.getElementById("main") ?? el;
        const rest = page.getBoundingClientRect().height - rows * cellHeight;
        const spare = window.innerHeight - rest - 2;
        el.style.setProperty("--cell-h", `${Math.max(14, Math.floor((spare / rows) * 10) / 10)}px`);
      }
      el.querySelectorAll<HTMLElement>(".board-table th").forEach((th) => shrink(th));
      el.querySelectorAll<HTMLElement>(".board-cell").forEach((cell) => {
        cell.removeAttribute("data-tight");
        cell.style.fontSize = "";
        if (cell.scrollWidth > cell.clientWidth) cell.setAttribute("data-tight", "");
        // Still too wide, or too tall for a short row: smaller type, never a cut count.
        if (overflows(cell, true)) shrink(cell, true);
      });
      el.setAttribute("data-fitted", "");
    };
    fit();
    let frame = 0;
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    };
    const changes = new MutationObserver(later);
    changes.observe(el, { childList: true, subtree: true, characterData: true });
    window.addEventListener("resize", later);
    return () => {
      cancelAnimationFrame(frame);
      changes.disconnect();
      window.removeEventListener("resize", later);
    };
  }, []);
  // Arriving from the other group on the way through the changes: focus the change stepped to. Keyed
  // by the place, not the object, so a live refresh of the same page leaves the presenter where they are.
  const focusKey = focus ? `${focus.row}-${focus.col}` : "";
  useEffect(() => {
    if (!focusKey) return;
    const [row, col] = focusKey.split("-");
    document.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)?.focus();
  }, [focusKey]);
  useEffect(() => {
    const cell = (row: number, col: number) =>
      document.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
    const href = (g: string, at?: { row: number; col: number }) =>
      `/board/meeting?${new URLSearchParams({ g, ...(query ? Object.fromEntries(new URLSearchParams(query)) : {}), ...(at ? { focus: `${at.row}-${at.col}` } : {}) })}`;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !document.fullscreenElement) return router.push(exitHref);
      if (e.key === "PageDown" || e.key === "PageUp") {
        e.preventDefault();
        const current = document.activeElement as HTMLElement | null;
        const at = current?.dataset.row
          ? { group, row: Number(current.dataset.row), col: Number(current.dataset.col) }
          : null;
        const stop = nextStop(stops, GROUPS, at, e.key === "PageDown" ? 1 : -1);
        if (!stop) return router.push(href(GROUPS.find((g) => g !== group)!));
        if (stop.group === group) return cell(stop.row, stop.col)?.focus();
        return router.push(href(stop.group, stop));
      }
      const moves: Record<string, [number, number]> = {
        ArrowUp: [-1, 0],
        ArrowDown: [1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
      };
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
  return (
    <div ref={root} className="meeting-mode">
      {children}
    </div>
  );
}
