import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECT } from "@/db/dialect";
import { verifyHistory } from "@/db/history/verify";
import { applyMigrations } from "@/db/migrate";
import { gradeRisk } from "@/db/mutations/grading";
import { openDb } from "@/db/open";
import { listRegisterPage } from "@/db/queries/register";
import { listRiskEvents } from "@/db/queries/risks";
import { checkCredentials } from "@/db/queries/users";
import { seedReference } from "@/db/seed";
import { openDatabase } from "@/db/sqlite/connection";
import { DEMO_PASSWORD } from "@/lib/demo-accounts";
import { parseRegisterQuery } from "@/lib/validation/register-query";
import { firstDocumentedBreak } from "../support/chain-oracle";
import { assessment } from "../support/risk-input";

/**
 * A city that ran the release before issue 19 upgrades: its database (tests/fixtures) was written by
 * that release's own seed and mutations — reference rows without events, the older event shapes.
 * Opened by the current code, it must keep verifying, keep its accounts and take new writes whose
 * events link onto the old chain.
 */
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sise-upgrade-"));
  file = join(dir, "sise.db");
  writeFileSync(file, gunzipSync(readFileSync("tests/fixtures/before-issue-19.db.gz")));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// The fixture is a SQLite file: the releases before issue 20 ran only on SQLite.
describe.skipIf(DIALECT === "pg")("a database from the release before issue 19", () => {
  it("verifies as it was, adds no reference rows, and links new writes onto its chain", async () => {
    const db = openDb(file);
    try {
      await applyMigrations(db);
      expect(await verifyHistory(db)).toMatchObject({ ok: true, count: 920 });
      // The reference seed matches by code: nothing is added, and no events are written for old rows.
      expect(await seedReference(db)).toBe(0);
      expect(await verifyHistory(db)).toMatchObject({ ok: true, count: 920 });

      // Its accounts still sign in, and its register reads as before.
      expect((await checkCredentials(db, { username: "officer", password: DEMO_PASSWORD })).status).toBe("ok");
      const page = await listRegisterPage(db, { query: parseRegisterQuery({}).query, today: "2026-11-25" });
      expect(page.total).toBe(24);

      // A grading by the current code links onto the old chain.
      const risk = page.rows.find((r) => r.status === "identified" || r.status === "controlling")!;
      const events = await listRiskEvents(db, { riskId: risk.id });
      const raw = openDatabase(file, { readonly: true });
      const version = (raw.prepare("SELECT version FROM risks WHERE id = ?").get(risk.id) as { version: number })
        .version;
      const graded = await gradeRisk(db, {
        riskId: risk.id,
        expectedVersion: version,
        actor: { id: null, name: "升级测试" },
        now: new Date("2026-12-06T02:00:00Z"),
        assessment: assessment("red"),
        reason: "升级后复核",
        nextReviewDate: "2026-12-13",
      });
      expect(graded).toEqual({ ok: true, version: version + 1 });
      expect(await listRiskEvents(db, { riskId: risk.id })).toHaveLength(events.length + 1);
      expect(await verifyHistory(db)).toMatchObject({ ok: true, count: 921 });
      // And by the documented formula, recomputed here rather than by the app's code.
      expect(await firstDocumentedBreak({ all: async (q, ...a) => raw.prepare(q).all(...a) as never })).toBeNull();
      raw.close();
    } finally {
      await db.close();
    }
  });
});
