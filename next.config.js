// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native addons (and pdfkit, which reads its font metrics from its own folder): kept external.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pdfkit"],
  // forbidden() renders app/forbidden.tsx with status 403 when a signed-in user lacks a permission.
  // No server action takes a file (uploads go to route handlers that stream them), so actions keep
  // Next's default 1 MB body limit.
  experimental: { authInterrupts: true },
  // Static files bypass proxy.ts; they still get the headers that need no per-request nonce.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
