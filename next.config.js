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
  // Register imports arrive as a server action's form data (up to 10 MB; the action checks the size again).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "10mb" } },
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
