/**
 * The cost of synchronous=FULL against NORMAL (WAL) on this machine's disk: the same grade changes
 * through the app's write path, into a fresh database each time, committed one by one.
 *   node --conditions=react-server --import tsx scripts/bench-sync.ts [N]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations } from "../db/migrate";
import { openDb } from "../db/open";
import { listAreas, listRegions, listUnits } from "../db/queries/reference";
import { gradeRisk } from "../db/mutations/grading";
import { insertRisk } from "../db/mutations/risks";
import { seedReference } from "../db/seed";
import { internalsOf } from "../db/sqlite/store";
import { COLOURS } from "../lib/domain/colours";
import { assess } from "../lib/domain/grading";

// A function, not top-level await: tsx runs these files as CommonJS.
async function main() {
  const n = Number(process.argv[2] ?? 2000);
  async function run(mode: "FULL" | "NORMAL") {
    const dir = mkdtempSync(join(tmpdir(), "sise-sync-"));
    const db = openDb(join(dir, "sise.db"));
    await applyMigrations(db);
    await seedReference(db);
    internalsOf(db).writer!.pragma(`synchronous = ${mode}`);
    const [[area], [region], [unit]] = [await listAreas(db), await listRegions(db), await listUnits(db)];
    const a = (c: (typeof COLOURS)[number]) => {
      const r = assess({ method: "direct" }, c, "");
      if (!r.ok) throw new Error(r.error);
      return r.assessment;
    };
    const { id } = await insertRisk(db, {
      input: {
        title: "榆阳区燃气风险",
        description: "",
        areaId: area.id,
        regionId: region.id,
        responsibleUnitId: unit.id,
        responsiblePerson: "张伟",
        coUnitIds: [],
        reason: "",
      },
      assessment: a("yellow"),
      nextReviewDate: "2026-12-20",
      actor: { id: null, name: "bench" },
      now: new Date(),
      year: 2026,
    });
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      const r = await gradeRisk(db, {
        riskId: id,
        expectedVersion: i + 1,
        actor: { id: null, name: "bench" },
        now: new Date(),
        assessment: a(COLOURS[i % 4]),
        reason: "bench",
        nextReviewDate: "2026-12-01",
      });
      times.push(performance.now() - s);
      if (!r.ok) throw new Error("write refused");
    }
    await db.close();
    rmSync(dir, { recursive: true, force: true });
    times.sort((x, y) => x - y);
    const total = times.reduce((x, y) => x + y, 0);
    return {
      mode,
      writesPerSecond: Math.round((n / total) * 1000),
      p50: +times[Math.floor(n / 2)].toFixed(3),
      p99: +times[Math.floor(n * 0.99)].toFixed(3),
    };
  }
  // Alternate the modes so the machine's noise falls on both.
  const results = [];
  for (const mode of ["FULL", "NORMAL", "FULL", "NORMAL"] as const) results.push(await run(mode));
  console.log(JSON.stringify(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
