import "server-only";
import { cookies, headers } from "next/headers";
import type { Db } from "@/db/client";
import { deleteSession, insertSession, PENDING_TOTP_MS } from "@/db/mutations/sessions";
import type { Tx } from "@/db/mutations/events";
import { SESSION_COOKIE, sessionLimits } from "./config";
import { clientIp, isHttps } from "./request-info";
import { generateToken, hashToken } from "./tokens";

/** The session id (token digest) from the request's cookie, if any. */
export async function readSessionId(): Promise<string | undefined> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token && token.length <= 100 ? hashToken(token) : undefined;
}

export async function requestFacts() {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get("user-agent"), https: isHttps(h) };
}

export type SessionTicket = Awaited<ReturnType<typeof newSessionTicket>>;

/**
 * A session is issued in three steps because a better-sqlite3 transaction must be synchronous:
 * gather the token and request facts (async), store the row inside the caller's transaction, and
 * only after it commits set the cookie — HttpOnly, SameSite=Lax, Secure over https.
 */
export async function newSessionTicket({ pendingTotp = false }: { pendingTotp?: boolean } = {}) {
  const token = generateToken();
  return { token, id: hashToken(token), pendingTotp, limits: sessionLimits(), ...(await requestFacts()) };
}

export function storeSession(tx: Tx | Db, ticket: SessionTicket, p: { userId: number; now: Date }) {
  insertSession(tx, {
    id: ticket.id,
    userId: p.userId,
    now: p.now,
    limits: ticket.limits,
    pendingTotp: ticket.pendingTotp,
    ip: ticket.ip,
    userAgent: ticket.userAgent,
  });
}

export async function setSessionCookie(ticket: SessionTicket) {
  const lifetime = ticket.pendingTotp ? Math.min(PENDING_TOTP_MS, ticket.limits.absoluteMs) : ticket.limits.absoluteMs;
  (await cookies()).set(SESSION_COOKIE, ticket.token, {
    httpOnly: true,
    sameSite: "lax",
    secure: ticket.https,
    path: "/",
    maxAge: Math.floor(lifetime / 1000),
  });
}

export async function endSession(db: Db, id: string | undefined) {
  if (id) deleteSession(db, { id });
  (await cookies()).delete(SESSION_COOKIE);
}
