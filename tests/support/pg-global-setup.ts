import { isPostgresUrl } from "@/db/dialect";
import { applyMigrations } from "@/db/migrate";
import { openDb } from "@/db/open";
import { withDatabase } from "@/db/pg/backup";
import { admin, templateName } from "./pg-test-db";

/**
 * When the integration tests run on PostgreSQL (DATABASE_URL=postgres://…), one template database
 * is migrated before them; each test copies it (tests/support/pg-test-db.ts). Nothing on SQLite.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!isPostgresUrl(url)) return;
  const name = templateName();
  await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(url, `CREATE DATABASE ${name}`);
  const db = openDb(withDatabase(url, name));
  await applyMigrations(db);
  await db.close();
  return async () => admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
