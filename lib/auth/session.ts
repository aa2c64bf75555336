import "server-only";
import { cookies, headers } from "next/headers";
import type { Db } from "@/db/client";
import { deleteSession, insertSession } from "@/db/mutations/sessions";
import { sessionLifetime } from "@/lib/domain/sessions";
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
 * A session is issued in three steps: gather the token and request facts, store the row (with
 * whatever else the sign-in writes, in one transaction: db/mutations/sign-in.ts `startSession`),
 * and only after it commits set the cookie — HttpOnly, SameSite=Lax, Secure over https.
 */
export async function newSessionTicket({ pendingTotp = false }: { pendingTotp?: boolean } = {}) {
  const token = generateToken();
  return { token, id: hashToken(token), pendingTotp, limits: sessionLimits(), ...(await requestFacts()) };
}

/** The row a ticket stores for a user. */
export function sessionRow(ticket: SessionTicket, p: { userId: number; now: Date }) {
  return {
    id: ticket.id,
    userId: p.userId,
    now: p.now,
    limits: ticket.limits,
    pendingTotp: ticket.pendingTotp,
    ip: ticket.ip,
    userAgent: ticket.userAgent,
  };
}

/** Stores a ticket's session on its own (tests, and sign-ins that write nothing else). */
export async function storeSession(db: Db, ticket: SessionTicket, p: { userId: number; now: Date }) {
  await insertSession(db, sessionRow(ticket, p));
}

export async function setSessionCookie(ticket: SessionTicket) {
  const lifetime = sessionLifetime(ticket.limits, ticket.pendingTotp);
  (await cookies()).set(SESSION_COOKIE, ticket.token, {
    httpOnly: true,
    sameSite: "lax",
    secure: ticket.https,
    path: "/",
    maxAge: Math.floor(lifetime / 1000),
  });
}

export async function endSession(db: Db, id: string | undefined) {
  if (id) await deleteSession(db, { id });
  (await cookies()).delete(SESSION_COOKIE);
}
