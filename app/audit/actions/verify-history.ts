"use server";

import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { getDb } from "@/db/client";
import { verifyHistory } from "@/db/history/verify";
import { verifyCheckpoints } from "@/lib/checkpoints/signer";
import { authorize, deniedState } from "@/lib/auth/guard";
import { attachmentStore } from "@/lib/files/attachment-store";
import { verifyAttachments } from "@/lib/files/verify-attachments";
import type { FormState } from "@/lib/validation/form-state";

/**
 * Recomputes the whole hash chain and reports the first broken link or "N events verified, head …".
 * It reads one snapshot of its own in chunks, yielding between them, so a million events neither
 * block other users nor hold the app's connections in a read transaction.
 */
export async function verifyHistoryAction(_prev: FormState): Promise<FormState> {
  const auth = await authorize("history.verify");
  if (!auth.ok) return deniedState(auth);
  const db = getDb();
  {
    const result = await verifyHistory(db, { pause: () => yieldToEventLoop() });
    if (result.ok) {
      // The hazards' files: each must still hash to the digest its history event holds.
      const files = await verifyAttachments(db, attachmentStore());
      const first = files.problems[0];
      if (first)
        return {
          ok: false,
          message: {
            key: `audit.attachments.${first.problem}`,
            values: { count: result.count, problems: files.problems.length, code: first.hazardCode, name: first.name },
          },
        };
      // Then the signed checkpoints, kept outside the database: they catch a rewrite that recomputed every hash.
      const receipts = await verifyCheckpoints(db);
      if ("missing" in receipts)
        return {
          ok: true,
          message: { key: "audit.verifiedNoCheckpoints", values: { count: result.count, head: result.head } },
        };
      if (!receipts.ok) {
        const p = receipts.problem;
        return {
          ok: false,
          message: {
            key: `audit.checkpoint.${p.kind}`,
            values: {
              count: result.count,
              line: p.line,
              seq: "seq" in p ? p.seq : 0,
              last: "lastSeq" in p ? p.lastSeq : 0,
            },
          },
        };
      }
      return {
        ok: true,
        message: {
          key: "audit.verifiedWithCheckpoints",
          values: {
            count: result.count,
            head: result.head,
            receipts: receipts.receipts,
            seq: receipts.latest?.seq ?? 0,
            key: receipts.latest?.key ?? "—",
          },
        },
      };
    }
    const b = result.broken;
    return b.kind === "tail"
      ? {
          ok: false,
          message: { key: "audit.brokenTail", values: { count: result.count, last: b.lastSeq, highest: b.highest } },
        }
      : { ok: false, message: { key: `audit.broken.${b.kind}`, values: { count: result.count, seq: b.seq } } };
  }
}
