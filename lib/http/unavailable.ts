import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

/**
 * The answer while the database cannot be reached (db/health.ts): a 503 that says so in the
 * reader's language and asks to come back — never a stack trace, never a half-rendered page. Pages
 * get a small self-contained document that reloads itself every ten seconds (no script: it must
 * work with nothing else of the app loaded); route handlers and actions get the words as JSON.
 */
export const RETRY_AFTER_SECONDS = 10;

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function unavailableResponse(p: {
  locale: string | undefined;
  wantsPage: boolean;
  headers: Record<string, string>;
}) {
  const english = p.locale === "en";
  const words = english ? en : zh;
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store", ...p.headers };
  if (!p.wantsPage)
    return Response.json({ error: "unavailable", message: words.api.unavailable }, { status: 503, headers });
  const e = words.errors;
  const html = `<!doctype html>
<html lang="${english ? "en" : "zh-CN"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>${escape(e.unavailableTitle)} · Sise</title>
</head>
<body style="margin:0;font-family:system-ui,'Noto Sans CJK SC',sans-serif;background:#f5f5f5;color:#171717">
<main role="alert" style="max-width:40rem;margin:12vh auto;padding:2rem;background:#fff;border-top:6px solid #b45309">
<h1 style="margin:0 0 1rem;font-size:1.75rem">${escape(e.unavailableTitle)}</h1>
<p style="margin:0 0 1rem;line-height:1.6;font-size:1.125rem">${escape(e.unavailableBody)}</p>
<p style="margin:0;color:#525252">${escape(e.unavailableRetrying)}</p>
</main>
</body>
</html>`;
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", ...headers } });
}
