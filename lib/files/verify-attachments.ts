import "server-only";
import type { Reads } from "@/db/store";
import { attachmentRecords } from "@/db/queries/hazards";
import type { AttachmentStore } from "./attachment-store";

export type AttachmentProblem = {
  id: number;
  hazardCode: string;
  name: string;
  /** notRecorded: the row's digest is not the one its history event holds (the row was changed); missing: no file; changed: the file's bytes are not the recorded ones. */
  problem: "notRecorded" | "missing" | "changed";
};

/**
 * Checks every hazard attachment against the history: the digest recorded in its "hazard.attach"
 * event (in the hash chain, so it cannot be changed unnoticed) must be the row's, and the file in
 * the store must still hash to it. One file at a time, streamed: memory does not grow with them.
 */
export async function verifyAttachments(
  db: Reads,
  store: AttachmentStore,
): Promise<{ checked: number; problems: AttachmentProblem[] }> {
  const problems: AttachmentProblem[] = [];
  const records = await attachmentRecords(db);
  for (const r of records) {
    const base = { id: r.id, hazardCode: r.hazardCode, name: r.name };
    if (r.recorded !== r.sha256) {
      problems.push({ ...base, problem: "notRecorded" });
      continue;
    }
    const digest = await store.digestOf(r.sha256);
    if (digest === null) problems.push({ ...base, problem: "missing" });
    else if (digest !== r.sha256) problems.push({ ...base, problem: "changed" });
  }
  return { checked: records.length, problems };
}
