import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { test as base } from "@playwright/test";
import { backupDatabase } from "../../db/backup";
import { openDb } from "../../db/open";
import { freePort, Instance } from "./instance";
import { E2E_PG_URL } from "./pg/databases";
import { startDeployment } from "./pg/deployment";

export { expect } from "@playwright/test";
export { freePort, Instance };

/**
 * E2E isolation (issue 17): every spec file runs against its own copy of the seeded demo database
 * and its own production server, so no spec sees another's changes and any order passes, with two
 * workers. playwright.config's webServer builds and seeds once (as the README's quick start does);
 * its database is only the template here. The copy sits in its own folder with the template's
 * checkpoint key and receipts, as a deployment would keep them beside its database.
 * In the PostgreSQL run (playwright.pg.config.ts) a spec gets a copy of the template database and
 * two instances behind nginx instead.
 */
export const TEMPLATE_DB = "test-results/e2e/sise.db";

/** A copy of the template database (and its key and receipts) in a fresh folder; returns the copy's path. */
export async function copyTemplate(dir: string): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "sise.db");
  const template = openDb(TEMPLATE_DB, { readonly: true });
  try {
    await backupDatabase(template, file);
  } finally {
    await template.close();
  }
  for (const sub of ["keys", "receipts"]) {
    const from = join(dirname(TEMPLATE_DB), sub);
    if (existsSync(from)) cpSync(from, join(dir, sub), { recursive: true });
  }
  return file;
}

class SpecServer {
  private specFile: string | undefined;
  private count = 0;
  private stopDeployment: (() => Promise<void>) | undefined;
  instances: Instance[] = [];
  url = "";
  /** The spec's store: a SQLite file, or a postgres:// URL. */
  db = "";
  constructor(private readonly worker: number) {}

  /** The server for this spec file: the running one, or a new one on a fresh copy when the file changed. */
  async for(specFile: string) {
    if (this.specFile === specFile && this.instances.length) return;
    await this.stop();
    const env = { NEXT_TELEMETRY_DISABLED: "1" };
    if (E2E_PG_URL) {
      await this.startPg(env);
    } else {
      this.db = await copyTemplate(join(dirname(TEMPLATE_DB), `worker-${this.worker}`, String(this.count++)));
      const instance = new Instance(await freePort(), this.db, env);
      this.instances = [instance];
      await instance.start();
      this.url = `http://127.0.0.1:${instance.port}`;
    }
    this.specFile = specFile;
  }

  /**
   * On PostgreSQL a spec talks to two instances on one database through nginx, as a deployment
   * runs them (tests/e2e/pg/deployment.ts).
   */
  private async startPg(env: Record<string, string>) {
    const deployment = await startDeployment({ name: `sise_e2e_w${this.worker}_${this.count++}`, env });
    this.stopDeployment = deployment.stop;
    this.instances = deployment.instances;
    this.db = deployment.db;
    this.url = deployment.url;
  }

  async stop() {
    if (this.stopDeployment) await this.stopDeployment();
    else await Promise.all(this.instances.map((i) => i.stop()));
    this.stopDeployment = undefined;
    this.instances = [];
  }
}

// (The fixtures' callback is named `provide`: React's lint rule takes any `use(…)` for a hook.)
export const test = base.extend<{ siseDb: string; instances: Instance[] }, { specServer: SpecServer }>({
  /**
   * Every page a spec opens must find each string it renders: a client island whose catalogue
   * part was not handed to it (components/i18n/island-messages.ts) logs next-intl's
   * MISSING_MESSAGE and would show the raw key, so any such console error fails the test.
   */
  page: async ({ page }, provide) => {
    const missing: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /MISSING_MESSAGE|INSUFFICIENT_PATH|FORMATTING_ERROR/.test(m.text()))
        missing.push(`${page.url()}: ${m.text()}`);
    });
    await provide(page);
    if (missing.length) throw new Error(`catalogue strings missing on the client:\n${missing.join("\n")}`);
  },
  specServer: [
    async ({}, provide, workerInfo) => {
      const server = new SpecServer(workerInfo.workerIndex);
      await provide(server);
      await server.stop();
    },
    { scope: "worker" },
  ],
  baseURL: async ({ specServer }, provide, testInfo) => {
    await specServer.for(testInfo.file);
    await provide(specServer.url);
  },
  /** The server processes behind baseURL (two on PostgreSQL), for specs that kill or restart one. */
  instances: async ({ specServer, baseURL }, provide) => {
    void baseURL; // started by the baseURL fixture
    await provide(specServer.instances);
  },
  /** The database of the server this spec talks to (a file, or a postgres:// URL), for specs that check what it wrote. */
  siseDb: async ({ specServer, baseURL }, provide) => {
    void baseURL; // started by the baseURL fixture
    await provide(specServer.db);
  },
});
