import { NextResponse, type NextRequest } from "next/server";
import { isStoreDown } from "@/db/health";
import { isHttps, isSameOrigin } from "@/lib/auth/request-info";
import { unavailableResponse } from "@/lib/http/unavailable";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security/headers";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

/**
 * Runs before every page, prefetch, action and route handler: a fresh CSP nonce per request (Next
 * reads it from the request's Content-Security-Policy header and stamps its scripts), plus the
 * other security headers. It authorizes nothing — every page, action and route handler checks the
 * session itself — with one exception at the door: a POST to a page (a server action) from another
 * site is refused here, in words and with a 403, before Next's own check would answer it with a 500.
 * And while the database cannot be reached (db/health.ts), everything but the health check is
 * answered here with a translated 503 (lib/http/unavailable.ts) instead of failing one by one.
 */
export function proxy(request: NextRequest) {
  // 128 random bits, 24 characters: the nonce is written into every script tag of the page.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = securityHeaders({ https: isHttps(request.headers) });
  const { pathname } = request.nextUrl;
  if (isStoreDown() && pathname !== "/api/health")
    return unavailableResponse({
      locale: request.cookies.get("NEXT_LOCALE")?.value,
      wantsPage: (request.method === "GET" || request.method === "HEAD") && !pathname.startsWith("/api/"),
      headers: { "Content-Security-Policy": csp, ...headers },
    });
  const isAction = request.method === "POST" && !pathname.startsWith("/api/");
  if (isAction && !isSameOrigin(request.headers, request.url)) {
    const words = request.cookies.get("NEXT_LOCALE")?.value === "en" ? en : zh;
    return new NextResponse(words.auth.crossSite, {
      status: 403,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Security-Policy": csp,
        "Cache-Control": "no-store",
        ...headers,
      },
    });
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    // Everything but static build output (which gets server.mjs's baseline headers) and the two
    // uploads (the export check, the register and division imports, hazards' files), whose bodies the proxy would buffer and cut.
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|api/exports/verify|api/imports/|api/uploads/).*)",
  ],
};
