import "server-only";
import type { Settings } from "@/lib/validation/settings";
import type { Db } from "../client";
import { getSettings } from "../queries/settings";
import { settings } from "../schema";
import { appendEvent, writeTransaction, type Actor } from "./events";

/** Saves the admin settings; each changed key is one history event with old and new value. */
export function updateSettings(db: Db, p: { next: Settings; actor: Actor; now: Date }): { changed: string[] } {
  return writeTransaction(db, (tx) => {
    const before = getSettings(tx);
    const changed: string[] = [];
    for (const key of Object.keys(p.next) as Array<keyof Settings>) {
      if (JSON.stringify(before[key]) === JSON.stringify(p.next[key])) continue;
      changed.push(key);
      tx.insert(settings)
        .values({ key, value: p.next[key], updatedAt: p.now, updatedBy: p.actor.id })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: p.next[key], updatedAt: p.now, updatedBy: p.actor.id },
        })
        .run();
      appendEvent(tx, {
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
