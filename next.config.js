// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 is a native addon: Next keeps it external by default; stated here so it stays so.
  serverExternalPackages: ["better-sqlite3"],
};

module.exports = withNextIntl(nextConfig);
