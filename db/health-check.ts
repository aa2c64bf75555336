import "server-only";
import { sql } from "drizzle-orm";
import { isConnectionError, markStoreDown, markStoreUp } from "./health";
import { rawValue } from "./raw";
import type { Db } from "./store";

/**
 * Asks the store one trivial question and records the answer in db/health.ts: true when it
 * answered. A failure other than a lost connection is thrown (it is a bug, not an outage).
 */
export async function checkStore(db: Db): Promise<boolean> {
  try {
    await rawValue(db, sql`SELECT 1`);
    markStoreUp();
    return true;
  } catch (e) {
    if (!isConnectionError(e)) throw e;
    markStoreDown(e);
    return false;
  }
}
