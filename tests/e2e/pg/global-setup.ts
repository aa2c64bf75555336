import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { withDatabase } from "../../../db/pg/backup";
import { adminStatement, databaseUrl, dropDatabase, E2E_PG_URL, PG_TEMPLATE, PG_TEMPLATE_DATA } from "./databases";

/**
 * Before the PostgreSQL e2e run: drops what an interrupted run left behind, prepares the template
 * database exactly as an operator would (`npm run db:prepare` with DATABASE_URL: migrations, the
 * reference lists, the demo city), and makes the production build unless one is there to reuse
 * (E2E_REUSE_BUILD=1, which `npm test` sets after the SQLite run has just built it).
 */
export default async function globalSetup() {
  const leftovers = new pg.Client({ connectionString: withDatabase(E2E_PG_URL!, "postgres") });
  await leftovers.connect();
  const { rows } = await leftovers.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'sise\\_e2e\\_%'",
  );
  await leftovers.end();
  for (const { datname } of rows) await dropDatabase(datname);
  await adminStatement(`CREATE DATABASE ${PG_TEMPLATE}`);

  rmSync("test-results/e2e-pg", { recursive: true, force: true });
  mkdirSync(PG_TEMPLATE_DATA, { recursive: true });
  const env = {
    ...process.env,
    NODE_OPTIONS: "",
    DATABASE_URL: databaseUrl(PG_TEMPLATE),
    SISE_DATA_DIR: resolve(PG_TEMPLATE_DATA),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  execFileSync("npm", ["run", "--silent", "db:prepare"], { env, stdio: "inherit" });
  if (process.env.E2E_REUSE_BUILD !== "1" || !existsSync(".next/BUILD_ID"))
    execFileSync("npx", ["next", "build"], { env, stdio: "inherit" });
}
