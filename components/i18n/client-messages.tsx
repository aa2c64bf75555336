import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages, type Messages } from "@/i18n/pick-messages";

/**
 * What every form island may be answered with besides its own namespace: the form's shared
 * sentences, field errors, and the refusals `authorize` gives any action (signed out, not allowed).
 */
export const FORM_MESSAGES = ["form", "errors", "auth.signInRequired", "auth.forbidden", "auth.finishSignIn"] as const;

/**
 * Hands the client islands below it only the catalogue parts they use (decision 023). The whole
 * catalogue is ~54 KB in Chinese; serialised into every page it was most of a page's bytes and a
 * quarter of its server time. Server components keep reading the whole catalogue on the server.
 */
export async function ClientMessages({ paths, children }: { paths: readonly string[]; children: ReactNode }) {
  const messages = pickMessages((await getMessages()) as Messages, paths);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
