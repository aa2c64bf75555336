import { sql } from "drizzle-orm";
import { rawRun } from "./raw";
import { internalsOf } from "./sqlite/store";
import type { Db } from "./store";

/** Refreshes the query planner's statistics after a bulk load (the load generator, an import of years). */
export async function analyzeStore(db: Db): Promise<void> {
  if (db.dialect === "pg") {
    await db.write((tx) => rawRun(tx, sql`ANALYZE`));
    return;
  }
  const { writer } = internalsOf(db);
  if (!writer) throw new Error(`${db.location} is open read-only`);
  await db.write(async () => {
    // ANALYZE may run inside the write's transaction; it takes the same lock.
    writer.exec("ANALYZE");
  });
  writer.pragma("optimize");
}
