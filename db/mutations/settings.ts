import "server-only";
import type { Settings } from "@/lib/validation/settings";
import type { Db } from "../store";
import { getSettings } from "../queries/settings";
import { boardCheckpoints, boardWeeks, settings } from "../schema";
import { appendEvent, type Actor } from "./events";

/** Saves the admin settings; each changed key is one history event with old and new value. */
export function updateSettings(db: Db, p: { next: Settings; actor: Actor; now: Date }): Promise<{ changed: string[] }> {
  return db.write(async (tx) => {
    const before = await getSettings(tx);
    const changed: string[] = [];
    for (const key of Object.keys(p.next) as Array<keyof Settings>) {
      if (JSON.stringify(before[key]) === JSON.stringify(p.next[key])) continue;
      changed.push(key);
      await tx
        .insert(settings)
        .values({ key, value: p.next[key], updatedAt: p.now, updatedBy: p.actor.id })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: p.next[key], updatedAt: p.now, updatedBy: p.actor.id },
        });
      await appendEvent(tx, {
        at: p.now,
        actor: p.actor,
        action: "settings.update",
        field: key,
        oldValue: before[key],
        newValue: p.next[key],
      });
    }
    return { changed };
  });
}

/** Marks the database as the demo's (the UI then labels itself so), recorded like any setting. */
export function markDemoDatabase(db: Db, p: { actor: Actor; now: Date }): Promise<void> {
  return db.write(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: "demo", value: true, updatedAt: p.now, updatedBy: p.actor.id })
      .onConflictDoUpdate({ target: settings.key, set: { value: true, updatedAt: p.now } });
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "settings.update",
      field: "demo",
      oldValue: null,
      newValue: true,
    });
  });
}

/**
 * Forgets the history's derived views (monthly checkpoints, week boards): after a write of events
 * dated in the past (the demo, the load generator) they no longer hold and are rebuilt on demand.
 */
export function clearDerivedViews(db: Db): Promise<void> {
  return db.write(async (tx) => {
    await tx.delete(boardCheckpoints);
    await tx.delete(boardWeeks);
  });
}
