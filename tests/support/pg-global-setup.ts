import { isPostgresUrl } from "@/db/dialect";
import { applyMigrations } from "@/db/migrate";
import { openDb } from "@/db/open";
import { withDatabase } from "@/db/pg/backup";
import type { TestProject } from "vitest/node";
import { admin } from "./pg-test-db";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

/**
 * When the integration tests run on PostgreSQL (DATABASE_URL=postgres://…), one template database
 * is migrated before them; each test copies it (tests/support/pg-test-db.ts). Nothing on SQLite.
 */
export default async function setup({ provide }: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!isPostgresUrl(url)) return;
  // A name of this run's own: two runs on one server must not drop each other's template.
  const name = `sise_test_template_${process.pid}`;
  provide("pgTemplate", name);
  await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(url, `CREATE DATABASE ${name}`);
  const db = openDb(withDatabase(url, name));
  await applyMigrations(db);
  await db.close();
  return async () => admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
