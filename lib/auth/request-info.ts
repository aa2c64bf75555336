/**
 * Facts about the caller taken from request headers, trusting only what Sise's own server set
 * (server.mjs, decision 020):
 * - `x-sise-peer` is the socket's address, which no client can set;
 * - X-Forwarded-* are believed only when SISE_TRUSTED_PROXIES (default 0) says that many proxies
 *   in front of Sise append to them — then the caller is that many hops before the socket.
 * So a forged X-Forwarded-For can neither spread one attacker over many throttle keys nor lock
 * someone else out.
 */
export function trustedProxies(): number {
  const n = Number(process.env.SISE_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

const ADDRESS = /^[0-9a-fA-F:.]{2,45}$/;
/** "::ffff:10.0.0.5" → "10.0.0.5"; anything that is not an address is no address. */
function address(value: string | undefined): string | null {
  const v = (value ?? "").trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return ADDRESS.test(v) ? v : null;
}

export function clientIp(headers: Headers): string | null {
  const peer = address(headers.get("x-sise-peer") ?? undefined);
  const hops = trustedProxies();
  if (hops === 0) return peer;
  // The chain as the last proxy saw it: what each proxy appended, then the proxy's own socket.
  const chain = [
    ...(headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    ...(peer ? [peer] : []),
  ];
  return address(chain[chain.length - 1 - hops]);
}

/** https when the deployment forces it, or a trusted proxy says so; drives `Secure` cookies and HSTS. */
export function isHttps(headers: Headers): boolean {
  if (process.env.SISE_SECURE_COOKIES === "1") return true;
  if (trustedProxies() === 0) return false;
  return (headers.get("x-forwarded-proto") ?? "").split(",")[0]?.trim() === "https";
}

/** The host the request was made to: the proxy's X-Forwarded-Host only when proxies are trusted. */
export function requestHost(headers: Headers, requestUrl: string): string {
  const forwarded = trustedProxies() > 0 ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host") || new URL(requestUrl).host;
}

/**
 * Same-origin check for route handlers that change state or export data, and (in proxy.ts) for
 * server actions. Browsers send Sec-Fetch-Site; older clients send Origin.
 */
export function isSameOrigin(headers: Headers, requestUrl: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = headers.get("origin");
  if (!origin) return true; // not a browser cross-site request (curl, scripts with a session cookie)
  try {
    return new URL(origin).host === requestHost(headers, requestUrl);
  } catch {
    return false;
  }
}
