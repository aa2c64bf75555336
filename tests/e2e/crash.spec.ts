import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { backupDatabase, checkDatabase } from "../../db/backup";
import { openDatabase } from "../../db/connection";
import { gradeActionId, gradeRequest, type Target } from "../../scripts/bench-requests";
import { startSiseServer, waitForServer } from "../../scripts/bench-server";
import { benchSessionCookie } from "../../scripts/bench-session";

const DB = process.env.E2E_DB ?? "test-results/e2e/sise.db";
const PORT = 3150;

/**
 * Crash safety of the real server: a second `next start` (the production build under test) on its
 * own copy of the database takes a steady stream of grade changes through the server action; it
 * is killed with SIGKILL at a random moment, three times. After each kill the database is opened
 * afresh: every grading the server had confirmed to its client is there, SQLite's integrity check
 * passes and the history's hash chain verifies. (The shared e2e server is left alone.)
 */
test("every grading the server confirmed survives SIGKILL of the server, three times", async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), "sise-crash-"));
  const file = join(dir, "sise.db");
  const live = openDatabase(DB, { readonly: true });
  backupDatabase(live, file);
  live.close();
  const setup = openDatabase(file);
  const cookie = benchSessionCookie(setup, { role: "officer" });
  setup.close();
  const headers = { cookie, origin: `http://127.0.0.1:${PORT}` };
  const actionId = gradeActionId();
  const day = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
  const confirmed: Array<{ id: number; version: number }> = [];
  let server: ChildProcess | undefined;
  try {
    for (let round = 0; round < 3; round++) {
      const db = new Database(file, { readonly: true });
      const pool = db.prepare("SELECT id, code, version FROM risks WHERE status IN ('identified', 'controlling') ORDER BY random() LIMIT 400").all() as Target[];
      db.close();
      server = startSiseServer({ port: PORT, db: file });
      await waitForServer(PORT);
      let stop = false;
      // Four clients post gradings one after another, each to its own risks, until the kill.
      const client = async (k: number) => {
        for (let i = k; !stop && i < pool.length; i += 4) {
          const t = pool[i];
          try {
            const request = gradeRequest(t, { actionId, day, headers });
            const res = await fetch(`http://127.0.0.1:${PORT}${request.path}`, request);
            await res.arrayBuffer();
            if (res.headers.get("x-action-redirect")?.includes("graded=1")) confirmed.push({ id: t.id, version: t.version + 1 });
          } catch {
            return; // the server is gone
          }
        }
      };
      const clients = [0, 1, 2, 3].map(client);
      await new Promise((r) => setTimeout(r, 1500 + Math.random() * 2500));
      process.kill(-server.pid!, "SIGKILL");
      stop = true;
      await Promise.all(clients);
      await new Promise((r) => setTimeout(r, 300));

      const check = openDatabase(file);
      const found = check.prepare("SELECT count(*) FROM risk_events WHERE risk_id = ? AND risk_version = ? AND action = 'grade'").pluck();
      const lost = confirmed.filter((c) => found.get(c.id, c.version) !== 1);
      const result = checkDatabase(check, file);
      check.close();
      expect(lost, `round ${round}: confirmed gradings lost`).toEqual([]);
      expect(result.integrity).toBe("ok");
      expect(result.chain.ok).toBe(true);
    }
    expect(confirmed.length).toBeGreaterThan(10);
  } finally {
    if (server?.pid) try { process.kill(-server.pid, "SIGKILL"); } catch { /* already gone */ }
    rmSync(dir, { recursive: true, force: true });
  }
});
