/**
 * Creates the database if needed, applies committed migrations, seeds reference data and — unless
 * SISE_SEED_DEMO=0 or --no-seed — a demo register when the register is empty. Safe to run repeatedly.
 */
import { databasePath, openDatabase } from "../db/connection";
import { applyMigrations } from "../db/migrate";
import { seedDemoRegister, seedReference } from "../db/seed";

const noSeed = process.argv.includes("--no-seed");
const file = databasePath();
const sqlite = openDatabase(file);
applyMigrations(sqlite);
const reference = seedReference(sqlite);
const demo = noSeed || process.env.SISE_SEED_DEMO === "0" ? 0 : seedDemoRegister(sqlite);
const { n } = sqlite.prepare("SELECT count(*) AS n FROM risks").get() as { n: number };
sqlite.close();
console.log(`[sise] database ${file}: migrations applied, ${reference} reference rows added, ${demo} demo risks added, ${n} risks in register`);
