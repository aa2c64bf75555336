import "server-only";
import { eq } from "drizzle-orm";
import { settingsFromStored, type Settings } from "@/lib/validation/settings";
import type { Db } from "../client";
import { settings } from "../schema";

export function getSettings(db: Pick<Db, "select">): Settings {
  const rows = db.select({ key: settings.key, value: settings.value }).from(settings).all();
  return settingsFromStored(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/** True when the database was filled by the demo seed: the UI then labels itself as a demo. */
export function isDemoDatabase(db: Db): boolean {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, "demo")).get()?.value === true;
}

export function getSetupTokenDigest(db: Db): string | undefined {
  const v = db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, "setupTokenDigest"))
    .get()?.value;
  return typeof v === "string" ? v : undefined;
}
