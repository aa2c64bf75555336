/**
 * npm run restore -- BACKUP [--db FILE]: checks the backup (integrity + hash chain), then puts it in
 * place of the database. Stop the server first. The replaced file is kept beside it.
 */
import "./store-arg"; // first: --db decides the dialect
import { resolve } from "node:path";
import { restoreDatabase } from "../db/backup";
import { databasePath } from "../db/open";

// A function, not top-level await: tsx runs these files as CommonJS.
async function main() {
  const args = process.argv.slice(2);
  const i = args.indexOf("--db");
  const target = resolve(i >= 0 ? args[i + 1] : databasePath());
  const backup = args.find((a, j) => !a.startsWith("--") && (i < 0 || j !== i + 1));
  if (!backup) {
    console.error("usage: npm run restore -- BACKUP_FILE [--db DATABASE_FILE]   (stop the server first)");
    process.exit(2);
  }
  try {
    const { check, keptAs } = await restoreDatabase(resolve(backup), target);
    const events = check.chain.ok ? check.chain.count : 0;
    console.log(
      `[sise] restored ${target} from ${backup}: ${check.risks} risks, ${events} events, integrity ${check.integrity}${keptAs ? `; the previous file is kept as ${keptAs}` : ""}`,
    );
  } catch (e) {
    console.error(`[sise] restore refused: ${(e as Error).message}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
