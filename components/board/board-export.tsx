"use client";

import { useState } from "react";

type Labels = { png: string; pdf: string; working: string; failed: string };

/**
 * Exports the board for the meeting minutes: as a PNG drawn in the browser from the page itself
 * (modern-screenshot, loaded only when asked for) — exactly what the leader saw — or as a PDF the
 * server draws from the same data, with real text (searchable, copyable) and vector cells, the
 * same stamp and legend (/api/exports/board).
 */
export function BoardExport({
  targetId,
  fileName,
  pdfHref,
  labels,
}: {
  targetId: string;
  fileName: string;
  pdfHref: string;
  labels: Labels;
}) {
  const [state, setState] = useState<"idle" | "working" | "failed">("idle");

  async function render(): Promise<string> {
    const node = document.getElementById(targetId);
    if (!node) throw new Error(`no #${targetId}`);
    const { domToPng } = await import("modern-screenshot");
    const options = {
      scale: 2,
      backgroundColor: "#ffffff",
      // The page uses system fonts only: nothing to fetch and embed.
      font: false as const,
      // Buttons, forms and other controls are not part of the minutes.
      filter: (n: Node) => !(n instanceof Element && n.classList.contains("no-print")),
    };
    return domToPng(node, options);
  }

  async function png() {
    setState("working");
    try {
      const a = document.createElement("a");
      a.href = await render();
      a.download = `${fileName}.png`;
      a.click();
      setState("idle");
    } catch {
      setState("failed");
    }
  }

  const button =
    "rounded border border-neutral-500 bg-white px-3 py-2 text-sm font-medium hover:bg-neutral-100 disabled:opacity-50";
  return (
    <div className="no-print flex items-center gap-2">
      <button type="button" className={button} disabled={state === "working"} onClick={png}>
        {labels.png}
      </button>
      <a className={button} href={pdfHref} download>
        {labels.pdf}
      </a>
      <span role="status" className="text-sm text-neutral-700">
        {state === "working" ? labels.working : state === "failed" ? labels.failed : ""}
      </span>
    </div>
  );
}
