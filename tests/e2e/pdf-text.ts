import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The text of a PDF as poppler's pdftotext reads it (Debian's poppler-utils; .ci/run installs it). */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "sise-print-"));
  try {
    writeFileSync(join(dir, "board.pdf"), pdf);
    return execFileSync("pdftotext", ["-layout", join(dir, "board.pdf"), "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
