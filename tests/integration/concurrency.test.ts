import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, beforeEach, expect, it } from "vitest";
import { verifyHistorySync } from "@/db/history/verify";
import { insertRisk } from "@/db/mutations/risks";
import { assessment } from "../support/risk-input";
import { createTestDb, type TestDb } from "./test-db";

const run = promisify(execFile);
let t: TestDb;
beforeEach(() => (t = createTestDb()));
afterEach(() => t.cleanup());

/**
 * No lost updates across processes: several writers, each its own process with its own connection,
 * grade the same risk from the same version at the same instant. Exactly one wins; the others are
 * told "conflict" with the new version; the history holds one grading and still verifies.
 */
it("lets exactly one of 20 concurrent writers (separate processes) change a risk from the same version", async () => {
  const input = { title: "府谷县煤矿瓦斯超限风险", description: "", areaId: t.areaId.S04, regionId: t.regionId["610822"], responsibleUnitId: t.unitId["U-ZJJ"], responsiblePerson: "刘洋", coUnitIds: [], reason: "" };
  const { id } = insertRisk(t.db, { input, assessment: assessment("yellow"), nextReviewDate: "2026-12-20", actor: { id: null, name: "seed" }, now: new Date(), year: 2026 });
  // Twenty processes start on two cores: the shared instant leaves them time to load first.
  const start = Date.now() + 12_000;
  const writers = Array.from({ length: 20 }, (_, n) =>
    run(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/concurrent-writer.ts", t.file, String(id), "1", String(start), String(n)], { timeout: 60_000 }),
  );
  const results = (await Promise.all(writers)).map((r) => JSON.parse(r.stdout) as { ok: boolean; error?: string; currentVersion?: number });
  expect(results.filter((r) => r.ok)).toEqual([{ ok: true, version: 2 }]);
  expect(results.filter((r) => !r.ok)).toEqual(Array(19).fill({ ok: false, error: "conflict", currentVersion: 2 }));
  const grades = t.sqlite.prepare("SELECT actor_name FROM risk_events WHERE risk_id = ? AND action = 'grade'").all(id);
  expect(grades).toHaveLength(1);
  expect(t.sqlite.prepare("SELECT version FROM risks WHERE id = ?").get(id)).toEqual({ version: 2 });
  expect(verifyHistorySync(t.sqlite).ok).toBe(true);
}, 60_000);
