"use client";

import { useState } from "react";

type Labels = { png: string; pdf: string; working: string; failed: string };

/**
 * Exports what is on the board — its stamp (title, moment, filters), both tables or the matrix, the
 * legend — as a PNG, or as a one-page A4 PDF holding that image, for the meeting minutes.
 * Drawn in the browser from the page itself (modern-screenshot), so the file is exactly what the
 * leader saw, fonts included; jsPDF wraps the image. Both load only when asked for.
 */
export function BoardExport({ targetId, fileName, title, labels }: { targetId: string; fileName: string; title: string; labels: Labels }) {
  const [state, setState] = useState<"idle" | "working" | "failed">("idle");

  async function render(format: "png" | "jpeg"): Promise<{ dataUrl: string; width: number; height: number }> {
    const node = document.getElementById(targetId);
    if (!node) throw new Error(`no #${targetId}`);
    const { domToJpeg, domToPng } = await import("modern-screenshot");
    const scale = 2;
    const options = {
      scale,
      backgroundColor: "#ffffff",
      // The page uses system fonts only: nothing to fetch and embed.
      font: false as const,
      // Buttons, forms and other controls are not part of the minutes.
      filter: (n: Node) => !(n instanceof Element && n.classList.contains("no-print")),
    };
    // The PDF takes a JPEG: jsPDF embeds it as it is, where a PNG would be decoded and re-packed in script.
    const dataUrl = format === "png" ? await domToPng(node, options) : await domToJpeg(node, { ...options, quality: 0.92 });
    return { dataUrl, width: node.offsetWidth * scale, height: node.offsetHeight * scale };
  }

  async function run(kind: "png" | "pdf") {
    setState("working");
    try {
      const image = await render(kind === "png" ? "png" : "jpeg");
      if (kind === "png") {
        const a = document.createElement("a");
        a.href = image.dataUrl;
        a.download = `${fileName}.png`;
        a.click();
      } else {
        const { jsPDF } = await import("jspdf");
        // One A4 page, turned to suit the board: the grid view of both groups is taller than wide.
        const portrait = image.height > image.width;
        const pdf = new jsPDF({ orientation: portrait ? "portrait" : "landscape", unit: "mm", format: "a4", compress: true });
        pdf.setProperties({ title, creator: "Sise" });
        const [pageW, pageH, margin] = portrait ? [210, 297, 8] : [297, 210, 8];
        const fit = Math.min((pageW - 2 * margin) / image.width, (pageH - 2 * margin) / image.height);
        const [w, h] = [image.width * fit, image.height * fit];
        pdf.addImage(image.dataUrl, "JPEG", (pageW - w) / 2, margin, w, h);
        pdf.save(`${fileName}.pdf`);
      }
      setState("idle");
    } catch {
      setState("failed");
    }
  }

  const button = "rounded border border-neutral-500 bg-white px-3 py-2 text-sm font-medium hover:bg-neutral-100 disabled:opacity-50";
  return (
    <div className="no-print flex items-center gap-2">
      <button type="button" className={button} disabled={state === "working"} onClick={() => run("png")}>{labels.png}</button>
      <button type="button" className={button} disabled={state === "working"} onClick={() => run("pdf")}>{labels.pdf}</button>
      <span role="status" className="text-sm text-neutral-700">{state === "working" ? labels.working : state === "failed" ? labels.failed : ""}</span>
    </div>
  );
}
