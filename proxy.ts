import { NextResponse, type NextRequest } from "next/server";

/**
 * A risk URL with malformed percent-encoding (e.g. /risks/%E0%A4%A) makes Next's router fail while
 * decoding the [code] segment, before any page code runs, and it answers a bare 500. Such a URL can
 * only name a risk that does not exist, so it is rewritten to one that cannot exist and the user
 * gets the ordinary translated 404 page. This is input hygiene only; it authorizes nothing.
 * Known gap: when the malformed segment is the last one (/risks/%E0%A4%A), Next 16.4 fails before
 * the proxy runs and still answers 500; /risks/%E0%A4%A/edit and the like are caught here.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    return NextResponse.rewrite(new URL("/risks/invalid-risk-code", request.url));
  }
}

export const config = { matcher: "/risks/:path+" };
