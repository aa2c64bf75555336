/**
 * Sends files to a hazard's upload route one request at a time (each streams into the store on the
 * server). Resolves with the first refusal's key and file, so the page can say which file and why.
 */
export async function uploadAttachments(
  code: string,
  files: File[],
): Promise<{ ok: true } | { ok: false; error: string; file: string }> {
  for (const file of files) {
    const body = new FormData();
    body.append("files", file, file.name);
    try {
      const answer = await fetch(`/api/uploads/hazards/${encodeURIComponent(code)}`, {
        method: "POST",
        body,
        headers: { accept: "application/json" },
      });
      if (!answer.ok) {
        const refused = (await answer.json().catch(() => ({}))) as { error?: string };
        return { ok: false, error: refused.error ?? "failed", file: file.name };
      }
    } catch {
      return { ok: false, error: "failed", file: file.name };
    }
  }
  return { ok: true };
}
