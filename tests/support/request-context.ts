/**
 * Stand-ins for the request Next would give a server action: its cookies and headers, and the
 * database. The matrix and auth tests point these at a fresh database copy and a chosen caller,
 * then call the real action functions directly — exactly what a hostile client can do with a
 * POST — without a browser or a page in between.
 */
import type { Db } from "@/db/client";

export const ctx = {
  db: undefined as Db | undefined,
  cookies: new Map<string, string>(),
  /** The options each cookie was last set with, as the action passed them (HttpOnly, Secure, maxAge …). */
  cookieOptions: new Map<string, Record<string, unknown>>(),
  headers: new Headers(),
};

export function resetRequest({ ip = "203.0.113.7" }: { ip?: string } = {}) {
  ctx.cookies.clear();
  ctx.cookieOptions.clear();
  // The socket's address as Sise's server (server.mjs) passes it on.
  ctx.headers = new Headers({ "x-sise-peer": ip, "user-agent": "vitest" });
}

/** Thrown by the redirect() stand-in, so a test can see where a successful action sent the user. */
export class RedirectSignal extends Error {
  constructor(public readonly url: string) {
    super(`redirect: ${url}`);
  }
}
export class InterruptSignal extends Error {}

export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) => (ctx.cookies.has(name) ? { name, value: ctx.cookies.get(name)! } : undefined),
    set: (name: string, value: string, options: Record<string, unknown> = {}) => {
      ctx.cookies.set(name, value);
      ctx.cookieOptions.set(name, options);
    },
    delete: (name: string) => {
      ctx.cookies.delete(name);
      ctx.cookieOptions.delete(name);
    },
  }),
  headers: async () => ctx.headers,
};

export const nextNavigation = {
  redirect: (url: string) => {
    throw new RedirectSignal(url);
  },
  forbidden: () => {
    throw new InterruptSignal("forbidden");
  },
  notFound: () => {
    throw new InterruptSignal("notFound");
  },
};

export const nextCache = { revalidatePath: () => undefined };

export const dbClient = {
  getDb: () => {
    if (!ctx.db) throw new Error("test forgot to set ctx.db");
    return ctx.db;
  },
};

/** Runs an action; a redirect counts as its (successful) answer. */
export async function run<T>(call: () => Promise<T>): Promise<{ result?: T; redirect?: string }> {
  try {
    return { result: await call() };
  } catch (error) {
    if (error instanceof RedirectSignal) return { redirect: error.url };
    throw error;
  }
}

/** next-intl's server helpers backed by the real catalogues (Chinese unless a locale is asked for), for actions that write sentences. */
export async function nextIntlServer() {
  const { createTranslator, createFormatter } = await import("next-intl");
  const catalogues = {
    "zh-CN": (await import("@/messages/zh-CN.json")).default,
    en: (await import("@/messages/en.json")).default,
  };
  return {
    getLocale: async () => "zh-CN",
    getTranslations: async (arg?: string | { locale: "zh-CN" | "en"; namespace?: string }) => {
      const { locale, namespace } = typeof arg === "object" ? arg : { locale: "zh-CN" as const, namespace: arg };
      return createTranslator({ locale, messages: catalogues[locale] as never, namespace: namespace as never });
    },
    getFormatter: async () => createFormatter({ locale: "zh-CN", timeZone: "Asia/Shanghai" }),
  };
}
