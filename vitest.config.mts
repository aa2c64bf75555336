import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// On PostgreSQL every query is a round trip over the socket: the same tests take longer.
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside React's server environment; in tests the modules run on the server anyway.
      "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: onPostgres ? 20_000 : 5_000,
    hookTimeout: onPostgres ? 60_000 : 10_000,
    // On PostgreSQL (DATABASE_URL=postgres://…) one migrated template database for every test to copy.
    globalSetup: ["tests/support/pg-global-setup.ts"],
  },
});
