/**
 * Creates the database if needed, applies committed migrations, seeds reference data, and makes
 * sure someone can sign in:
 *  - SISE_ADMIN_USERNAME + SISE_ADMIN_PASSWORD: the first admin (production, scripted);
 *  - demo mode (default for `npm start`; SISE_SEED_DEMO=0 or --no-seed turns it off): one demo
 *    account per role and a demo register, and the UI labels itself as a demo;
 *  - otherwise a one-time setup token is printed for /setup. There is never a default password.
 * Safe to run repeatedly: nothing existing is overwritten.
 */
import { openDb } from "../db/open";
import { applyMigrations, whilePreparing } from "../db/migrate";
import { countRisks } from "../db/queries/risks";
import { demoStart, seedDemo, seedReference } from "../db/seed";
import { countUserRows, issueSetupToken, seedAdminFromEnv } from "../db/seed/users";
import { checkpointPaths, writeCheckpoint } from "../lib/checkpoints/signer";
import { newPassword, usernameSchema } from "../lib/validation/auth";

async function main() {
  const db = openDb();
  await whilePreparing(db, () => prepare(db));
}

async function prepare(db: ReturnType<typeof openDb>) {
  const demoMode = !process.argv.includes("--no-seed") && process.env.SISE_SEED_DEMO !== "0";
  const file = db.location;
  await applyMigrations(db);
  const log = (s: string) => console.log(`[sise] ${s}`);
  const envUser = process.env.SISE_ADMIN_USERNAME;
  const envPassword = process.env.SISE_ADMIN_PASSWORD;
  // A demo about to be written begins two years back; its city's lists are set up at that start,
  // so the history stays in time order. Otherwise the lists are added now.
  const now = new Date();
  const demoAhead = demoMode && !(envUser && envPassword) && (await countUserRows(db)) === 0;
  const reference = await seedReference(db, demoAhead ? demoStart(now) : now);

  if ((await countUserRows(db)) === 0 && envUser && envPassword) {
    const username = usernameSchema.safeParse(envUser);
    const password = newPassword.safeParse(envPassword);
    if (!username.success || !password.success) {
      throw new Error(
        "SISE_ADMIN_USERNAME must be 2–32 of a-z 0-9 . _ - and SISE_ADMIN_PASSWORD at least 12 characters",
      );
    }
    await seedAdminFromEnv(db, { username: username.data, displayName: username.data, password: password.data });
    log(`first admin "${username.data}" created from SISE_ADMIN_USERNAME`);
  }
  // The demo only ever goes into a database with no accounts: one that already has real users (or
  // an env-created admin) never receives demo accounts or demo risks. It is written once, whole.
  const demo = demoMode && (await countUserRows(db)) === 0 ? await seedDemo(db, { now }) : null;
  if ((await countUserRows(db)) === 0) {
    const token = await issueSetupToken(db);
    log(
      `no accounts yet. Open /setup and enter this one-time setup token to create the first admin:\n\n    ${token}\n`,
    );
  }
  const n = await countRisks(db);
  // The history as it stands is signed once now (the server goes on signing it on a schedule).
  const { receipt, written } = await writeCheckpoint(db);
  await db.close();
  if (written) log(`history checkpoint signed: seq ${receipt.seq}; receipts in ${checkpointPaths(file).receipts}`);
  const added = demo
    ? `${demo.users} demo accounts, ${demo.risks} demo risks, ${demo.reports} demo daily reports, ${demo.meetings} demo meetings, ${demo.inspections} inspections and ${demo.hazards} hazards added`
    : "no demo added";
  log(`database ${file}: migrations applied, ${reference} reference rows added, ${added}, ${n} risks in register`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
