// @ts-check
/**
 * Sise's production server: Next's own request handler behind the few things only the socket can
 * know or only the edge can refuse (decision 020).
 * - The caller's address. Next copies the socket address into X-Forwarded-For only when the
 *   request has none, so a client could name any address. Here the socket's address goes into
 *   `x-sise-peer`, which no client can set; X-Forwarded-* headers a client sent are dropped unless
 *   SISE_TRUSTED_PROXIES says how many proxies in front of Sise append to them.
 * - Paths with broken percent-encoding (/risks/%ff): Next's router fails on them with a bare 500
 *   before any of Sise's code runs; they are answered by the translated "not found" page instead.
 * - A baseline of security headers on every response, static files and 404s included; pages and
 *   routes replace the CSP with their own per-request nonce (proxy.ts).
 * - A 500 while the database is out of reach (db/health.ts, shared through globalThis) goes out as
 *   503 with Retry-After: the request failed because of the outage, and a load balancer or client
 *   should try again, not report a bug. (The proxy answers the requests that come after it.)
 */
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import next from "next";

process.env.NODE_ENV ??= "production";
const dir = fileURLToPath(new URL(".", import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trustedProxies = Number(process.env.SISE_TRUSTED_PROXIES ?? 0);
const FORWARDED = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];
const BASELINE = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** True when the path of a request URL decodes; "/risks/%ff" does not. */
function decodable(url = "/") {
  const path = url.split("?")[0];
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** @returns {boolean} */
const storeDown = () =>
  /** @type {{ siseStoreHealth?: { downSince: number | null } }} */ (globalThis).siseStoreHealth?.downSince != null;

const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers["x-sise-peer"] = req.socket.remoteAddress ?? "";
  if (!(Number.isInteger(trustedProxies) && trustedProxies > 0)) for (const h of FORWARDED) delete req.headers[h];
  if (!decodable(req.url)) req.url = "/risks/invalid-risk-code";
  for (const [name, value] of Object.entries(BASELINE)) res.setHeader(name, value);
  const writeHead = res.writeHead;
  // Node writes implicit headers through writeHead too, so this sees every status.
  res.writeHead = function (status, ...rest) {
    if (status === 500 && storeDown()) {
      res.setHeader("Retry-After", "10");
      return writeHead.call(this, 503, ...rest);
    }
    return writeHead.call(this, status, ...rest);
  };
  void handle(req, res);
});
// An idle kept-alive connection is closed only after a proxy in front (nginx keeps its upstream
// connections 60 s) or a client would have stopped using it; closing first races with their next request.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`[sise] listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});

// A stop (systemd, a container, Ctrl-C) lets the requests in flight finish — a grading half sent
// is not cut off — then exits; after 10 s it exits anyway. Every write is one transaction, so even
// a hard kill loses nothing acknowledged.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    console.log(`[sise] ${signal}: finishing requests in flight, then stopping`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
