"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { recordSignOut } from "@/db/mutations/sign-in";
import { getCurrentUser } from "@/lib/auth/current-user";
import { actorOf } from "@/lib/auth/guard";
import { endSession, readSessionId, requestFacts } from "@/lib/auth/session";

/**
 * Ends the caller's own session, whatever stage it is in. It can only ever delete the session
 * named by the caller's cookie, so it needs no permission; an anonymous call just clears the cookie.
 */
export async function signOutAction(): Promise<void> {
  const db = getDb();
  const user = await getCurrentUser();
  const id = await readSessionId();
  if (user) await recordSignOut(db, { actor: actorOf(user), now: new Date(), ip: (await requestFacts()).ip });
  await endSession(db, id);
  redirect("/login?signedOut=1");
}
