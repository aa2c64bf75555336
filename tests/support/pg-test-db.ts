import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { withDatabase } from "@/db/pg/backup";

/**
 * PostgreSQL databases for the integration tests when they run on PostgreSQL (DATABASE_URL): each
 * test's database is a copy of a template that tests/support/pg-global-setup.ts migrated once
 * (CREATE DATABASE … TEMPLATE, a file copy on the server: about a tenth of a second).
 */
export const templateName = () => inject("pgTemplate");

export async function createPgDatabase(
  baseUrl: string,
  template = templateName(),
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sise_t_${randomBytes(6).toString("hex")}`;
  await admin(baseUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: withDatabase(baseUrl, name),
    drop: () => admin(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function admin(baseUrl: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: withDatabase(baseUrl, "postgres") });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

export { numbered, pgRawClient } from "./pg-raw";
