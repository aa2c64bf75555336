/**
 * Where to go after signing in. Only a local path is accepted ("/risks?x=1"), never "//evil.example"
 * or "/\evil.example", which browsers treat as another host: no open redirect through ?next=.
 */
export function safeNextPath(next: unknown, fallback = "/risks"): string {
  if (typeof next !== "string" || next.length > 500) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || /[\u0000-\u001F\\]/.test(next))
    return fallback;
  // A Location header is ASCII: "/risks?q=燃气" goes out percent-encoded, as a browser would send it.
  try {
    const url = new URL(next, "http://sise.invalid");
    return url.origin === "http://sise.invalid" ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
