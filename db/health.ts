/**
 * Whether the database answers, as this process last saw it — for the proxy (proxy.ts) to answer a
 * translated 503 while it does not, instead of letting every page fail. Kept on globalThis: Next
 * bundles this module into the proxy and the routes separately, and they must share one state.
 * While the store is down a probe (set by the store that noticed) checks it again every second.
 */
type Health = { downSince: number | null; reason: string; probe?: () => Promise<void>; timer?: NodeJS.Timeout };
const g = globalThis as unknown as { siseStoreHealth?: Health };
const health = (g.siseStoreHealth ??= { downSince: null, reason: "" });

/** Error codes that mean the connection, not the query, failed (node's and PostgreSQL's). */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down)
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

export function isConnectionError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: string }).code;
  return (
    (code !== undefined && CONNECTION_CODES.has(code)) ||
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(e.message)
  );
}

export function markStoreDown(e: unknown) {
  if (health.downSince === null) health.downSince = Date.now();
  health.reason = e instanceof Error ? e.message : String(e);
}

export function markStoreUp() {
  health.downSince = null;
  health.reason = "";
}

export function isStoreDown(): boolean {
  return health.downSince !== null;
}

/** Registers how to check the store again; runs it every second while the store is down. */
export function watchStore(probe: () => Promise<void>) {
  health.probe = probe;
  if (health.timer) return;
  health.timer = setInterval(() => {
    if (health.downSince === null || !health.probe) return;
    health.probe().then(markStoreUp, () => undefined);
  }, 1_000);
  health.timer.unref();
}
