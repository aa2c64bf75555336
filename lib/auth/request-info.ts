/**
 * Facts about the caller taken from request headers. Sise runs behind a reverse proxy in
 * deployment; the address used for throttling is the last one the proxy appended to
 * X-Forwarded-For (the nearest hop is the only one a client cannot forge). SISE_TRUSTED_PROXIES
 * says how many proxies append (default 1; 0 means no proxy, and then no per-address throttle
 * is possible because Next does not expose the socket address to actions).
 */
export function clientIp(headers: Headers): string | null {
  const hops = Number(process.env.SISE_TRUSTED_PROXIES ?? 1);
  if (!Number.isInteger(hops) || hops <= 0) return null;
  const list = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = list[list.length - hops] ?? headers.get("x-real-ip");
  return ip ? ip.slice(0, 64) : null;
}

/** https when the proxy says so or the deployment forces it; drives `Secure` cookies and HSTS. */
export function isHttps(headers: Headers): boolean {
  if (process.env.SISE_SECURE_COOKIES === "1") return true;
  return (headers.get("x-forwarded-proto") ?? "").split(",")[0]?.trim() === "https";
}

/**
 * Same-origin check for route handlers that change state or export data (server actions get
 * Next's own Origin check). Browsers send Sec-Fetch-Site; older clients send Origin.
 */
export function isSameOrigin(headers: Headers, requestUrl: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = headers.get("origin");
  if (!origin) return true; // not a browser cross-site request (curl, scripts with a session cookie)
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? new URL(requestUrl).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
