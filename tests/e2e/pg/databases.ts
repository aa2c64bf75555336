import pg from "pg";
import { isPostgresUrl } from "../../../db/dialect";
import { withDatabase } from "../../../db/pg/backup";

/**
 * The PostgreSQL run of the e2e suite (playwright.pg.config.ts) is chosen by DATABASE_URL, as the
 * app's store is: the URL names a database the runner may create databases beside.
 */
export const E2E_PG_URL = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;

/** The seeded demo every spec's database is copied from, and the folder with its checkpoint key and receipts. */
export const PG_TEMPLATE = "sise_e2e_tpl";
export const PG_TEMPLATE_DATA = "test-results/e2e-pg/data";

function base(): string {
  if (!E2E_PG_URL) throw new Error("DATABASE_URL=postgres://… is required for the PostgreSQL e2e run");
  return E2E_PG_URL;
}

export const databaseUrl = (name: string) => withDatabase(base(), name);

/** One statement on the maintenance database (CREATE/DROP DATABASE cannot run inside the target). */
export async function adminStatement(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: withDatabase(base(), "postgres") });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** A spec's own copy of the template (a file copy on the server); returns its URL. */
export async function databaseFromTemplate(name: string): Promise<string> {
  await dropDatabase(name);
  await adminStatement(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE}`);
  return databaseUrl(name);
}

export function dropDatabase(name: string): Promise<void> {
  return adminStatement(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
