import "server-only";
import type { Db } from "../store";
import { appendEvent, type Actor } from "./events";

/**
 * An export is part of the record: who took which part of the register, history, board or
 * analysis, in which format and with which filter (`data`, as each export describes itself).
 */
export function recordExport(
  db: Db,
  p: { actor: Actor; now: Date; data: { kind: string; format: string } & Record<string, unknown> },
): Promise<void> {
  return db.write(async (tx) => {
    await appendEvent(tx, { at: p.now, actor: p.actor, action: "export", data: p.data });
  });
}
