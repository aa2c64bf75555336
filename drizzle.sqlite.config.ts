import { defineConfig } from "drizzle-kit";

/** SQLite migrations (`npm run db:generate` makes both stores'): the embedded default. */

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/sqlite.ts",
  out: "./drizzle/sqlite",
  dbCredentials: { url: process.env.SISE_DB_PATH ?? "./data/sise.db" },
});
