/**
 * Fills a database with synthetic load for benchmarks:
 *   npm run db:generate-load -- --db bench/sise-50k.db --risks 50000 --events 1000000
 *   npm run db:generate-load -- --db bench/sise-province.db --territory province --risks 1000000 --events 5000000
 * Risks are spread over areas, regions and the last two years; each has a "create" event and, on
 * average, enough grade/review events to reach the requested total. Refuses a non-empty register
 * unless --append is given, so it never mixes into real data by accident.
 */
import { parseArgs } from "node:util";
import { analyzeStore } from "../db/maintenance";
import { applyMigrations } from "../db/migrate";
import { openDb } from "../db/open";
import { countRisks } from "../db/queries/risks";
import { seedReference } from "../db/seed";
import { insertGeneratedRisks, insertSyntheticTerritory } from "../db/seed/generate";

// A function, not top-level await: tsx runs these files as CommonJS.
async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string", default: "bench/sise-load.db" },
      risks: { type: "string", default: "50000" },
      events: { type: "string", default: "1000000" },
      seed: { type: "string", default: "42" },
      append: { type: "boolean", default: false },
      // "province": ten cities' worth of counties, towns and villages first (issue 21's scale).
      territory: { type: "string" },
    },
  });
  const risks = Number(values.risks);
  const events = Number(values.events);
  if (!Number.isInteger(risks) || risks < 1 || !Number.isInteger(events) || events < risks) {
    console.error("--risks must be a positive integer and --events at least --risks (each risk has a create event)");
    process.exit(2);
  }

  const db = openDb(values.db);
  await applyMigrations(db);
  await seedReference(db);
  const existing = await countRisks(db);
  if (existing > 0 && !values.append) {
    console.error(`${values.db} already has ${existing} risks; pass --append to add more`);
    process.exit(2);
  }
  const started = performance.now();
  if (values.territory === "province") {
    const n = await insertSyntheticTerritory(db, {
      cities: 10,
      counties: 12,
      towns: 11,
      villages: 12,
      now: new Date(),
    });
    console.log(`[sise] synthetic territory: +${n} divisions`);
  } else if (values.territory) {
    console.error('--territory takes "province"');
    process.exit(2);
  }
  const batch = 5000;
  let made = { risks: 0, events: 0 };
  for (let i = 0; i < risks; i += batch) {
    const n = Math.min(batch, risks - i);
    const r = await insertGeneratedRisks(db, {
      count: n,
      seed: Number(values.seed) + i,
      now: new Date(),
      spanDays: 730,
      extraEventsPerRisk: (events - risks) / risks,
      actorName: "system:seed",
    });
    made = { risks: made.risks + r.risks, events: made.events + r.events };
  }
  await analyzeStore(db);
  await db.close();
  console.log(
    `[sise] ${values.db}: +${made.risks} risks, +${made.events} events in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
