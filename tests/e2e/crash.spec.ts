import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, freePort, TEMPLATE_DB, test } from "./fixtures";
import { backupDatabase, checkDatabase } from "../../db/backup";
import { openDb } from "../../db/open";
import { openDatabase } from "../../db/sqlite/connection";
import { gradeActionId, gradeRequest, gradingConfirmed, type Target } from "../../scripts/bench-requests";
import { startSiseServer, waitForServer } from "../../scripts/bench-server";
import { benchSessionCookie } from "../../scripts/bench-session";

/** After this many confirmations in a round the server is killed, with the four clients' requests in flight. */
const KILL_AFTER = [8, 20, 35];

/**
 * Crash safety of the real server: a second `next start` (the production build under test) on its
 * own copy of the database takes a steady stream of grade changes through the server action; it
 * is killed with SIGKILL three times, each time once a set number of gradings has been confirmed
 * (no sleeps: the kill lands while four clients have requests in flight). After each kill the
 * database is opened afresh: every grading the server had confirmed to its client is there, SQLite's
 * integrity check passes and the history's hash chain verifies. (The shared e2e server is left alone.)
 *
 * What this proves is survival of the process's death. The OS keeps the page cache, so it cannot
 * tell synchronous=FULL from OFF: surviving power loss rests on SQLite's documented guarantee with
 * synchronous=FULL in WAL mode (db/sqlite/connection.ts, decision 018), which tests/integration/store.test.ts pins.
 */
test("every grading the server confirmed survives SIGKILL of the server, three times", async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), "sise-crash-"));
  const file = join(dir, "sise.db");
  const live = openDb(TEMPLATE_DB, { readonly: true });
  await backupDatabase(live, file);
  await live.close();
  const setup = openDb(file);
  const cookie = await benchSessionCookie(setup, { role: "officer" });
  await setup.close();
  const port = await freePort();
  const headers = { cookie, origin: `http://127.0.0.1:${port}` };
  const actionId = gradeActionId();
  const day = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
  const confirmed: Array<{ id: number; version: number }> = [];
  let server: ChildProcess | undefined;
  try {
    for (let round = 0; round < 3; round++) {
      const db = new Database(file, { readonly: true });
      const pool = db
        .prepare(
          "SELECT id, code, version FROM risks WHERE status IN ('identified', 'controlling') ORDER BY random() LIMIT 400",
        )
        .all() as Target[];
      db.close();
      const running = startSiseServer({ port, db: file });
      server = running;
      await waitForServer(port);
      const exited = once(running, "exit");
      let killed = false;
      let inRound = 0;
      const kill = () => {
        if (killed) return;
        killed = true;
        process.kill(-running.pid!, "SIGKILL");
      };
      // Four clients post gradings one after another, each to its own risks, until the kill.
      const client = async (k: number) => {
        for (let i = k; !killed && i < pool.length; i += 4) {
          const t = pool[i];
          try {
            const request = gradeRequest(t, { actionId, day, headers });
            const res = await fetch(`http://127.0.0.1:${port}${request.path}`, request);
            if (!gradingConfirmed(await res.text(), t.code))
              throw new Error(`grading ${t.code} was not confirmed: ${res.status}`);
            confirmed.push({ id: t.id, version: t.version + 1 });
            if (++inRound >= KILL_AFTER[round]) kill();
          } catch (error) {
            if (killed) return; // the server is gone: a request cut short by the kill was never confirmed
            kill();
            throw error; // anything before the kill is a failure of the test, not the end of a client
          }
        }
      };
      const clients = [0, 1, 2, 3].map(client);
      await Promise.all(clients);
      expect(killed, `round ${round}: the server was killed before the pool ran out`).toBe(true);
      await exited;

      const check = openDatabase(file);
      const found = check
        .prepare("SELECT count(*) FROM risk_events WHERE risk_id = ? AND risk_version = ? AND action = 'grade'")
        .pluck();
      const lost = confirmed.filter((c) => found.get(c.id, c.version) !== 1);
      const result = await checkDatabase(file);
      check.close();
      expect(lost, `round ${round}: confirmed gradings lost`).toEqual([]);
      expect(result.integrity).toBe("ok");
      expect(result.chain.ok).toBe(true);
    }
    expect(confirmed.length).toBeGreaterThan(10);
  } finally {
    if (server?.pid)
      try {
        process.kill(-server.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    rmSync(dir, { recursive: true, force: true });
  }
});
