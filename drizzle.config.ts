import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/sqlite.ts",
  out: "./drizzle",
  dbCredentials: { url: process.env.SISE_DB_PATH ?? "./data/sise.db" },
});
