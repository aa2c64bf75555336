import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { test as base } from "@playwright/test";
import { backupDatabase } from "../../db/backup";
import { openDb } from "../../db/open";
import { startSiseServer, waitForServer } from "../../scripts/bench-server";

export { expect } from "@playwright/test";

/**
 * E2E isolation (issue 17): every spec file runs against its own copy of the seeded demo database
 * and its own production server, so no spec sees another's changes and any order passes, with two
 * workers. playwright.config's webServer builds and seeds once (as the README's quick start does);
 * its database is only the template here. The copy sits in its own folder with the template's
 * checkpoint key and receipts, as a deployment would keep them beside its database.
 */
export const TEMPLATE_DB = "test-results/e2e/sise.db";

/** A port nobody is listening on, from the OS. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, "close");
  return port;
}

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
  private process: ChildProcess | undefined;
  private specFile: string | undefined;
  private count = 0;
  url = "";
  db = "";
  constructor(private readonly worker: number) {}

  /** The server for this spec file: the running one, or a new one on a fresh copy when the file changed. */
  async for(specFile: string) {
    if (this.specFile === specFile && this.process) return;
    await this.stop();
    this.db = await copyTemplate(join(dirname(TEMPLATE_DB), `worker-${this.worker}`, String(this.count++)));
    const port = await freePort();
    this.process = startSiseServer({ port, db: this.db, env: { NEXT_TELEMETRY_DISABLED: "1" } });
    this.specFile = specFile;
    this.url = `http://127.0.0.1:${port}`;
    await waitForServer(port);
  }

  async stop() {
    const p = this.process;
    this.process = undefined;
    if (!p?.pid || p.exitCode !== null) return;
    const exited = once(p, "exit");
    process.kill(-p.pid, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (p.exitCode === null) process.kill(-p.pid, "SIGKILL");
  }
}

// (The fixtures' callback is named `provide`: React's lint rule takes any `use(…)` for a hook.)
export const test = base.extend<{ siseDb: string }, { specServer: SpecServer }>({
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
  /** The database of the server this spec talks to, for specs that check what it wrote. */
  siseDb: async ({ specServer, baseURL }, provide) => {
    void baseURL; // started by the baseURL fixture
    await provide(specServer.db);
  },
});
