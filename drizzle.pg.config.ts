import { defineConfig } from "drizzle-kit";

/** PostgreSQL migrations (`npm run db:generate` makes both stores'): decision 025. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/pg.ts",
  out: "./drizzle/pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/sise" },
});
