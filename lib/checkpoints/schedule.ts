import "server-only";
import { getDb } from "@/db/client";
import { every } from "@/lib/schedule/every";
import { writeCheckpoint } from "./signer";

/**
 * Signs the history's head every SISE_CHECKPOINT_MINUTES (10 by default; 0 turns the schedule off),
 * and once shortly after start. A head that has not moved is not signed again. Runs in the server
 * process, once per interval across all instances (started by instrumentation.ts).
 */
export function startCheckpointSchedule() {
  const minutes = Number(process.env.SISE_CHECKPOINT_MINUTES ?? 10);
  if (!Number.isFinite(minutes) || minutes <= 0) return;
  every("history checkpoint", { everyMs: minutes * 60_000, firstAfterMs: 5_000 }, async () => {
    const { receipt, written } = await writeCheckpoint(getDb());
    if (written)
      console.log(`[sise] history checkpoint signed: seq ${receipt.seq}, head ${receipt.hash.slice(0, 16)}…`);
  });
}
