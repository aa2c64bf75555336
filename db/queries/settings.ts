import "server-only";
import { eq } from "drizzle-orm";
import { settingsFromStored, type Settings } from "@/lib/validation/settings";
import type { Db } from "../store";
import { settings } from "../schema";

export async function getSettings(db: Pick<Db, "select">): Promise<Settings> {
  const rows = await db.select({ key: settings.key, value: settings.value }).from(settings);
  return settingsFromStored(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/** True when the database was filled by the demo seed: the UI then labels itself as a demo. */
export async function isDemoDatabase(db: Db): Promise<boolean> {
  return (
    (await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "demo")).limit(1))[0]?.value ===
    true
  );
}

export async function getSetupTokenDigest(db: Db): Promise<string | undefined> {
  const v = (
    await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "setupTokenDigest")).limit(1)
  )[0]?.value;
  return typeof v === "string" ? v : undefined;
}
