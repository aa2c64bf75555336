"use server";

import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { getDb } from "@/db/client";
import { openDatabase } from "@/db/connection";
import { verifyHistory } from "@/db/history/verify";
import { authorize, deniedState } from "@/lib/auth/guard";
import type { FormState } from "@/lib/validation/form-state";

/**
 * Recomputes the whole hash chain and reports the first broken link or "N events verified, head …".
 * It reads through its own read-only connection in chunks, yielding between them, so a million
 * events neither block other users nor hold the app's connection in a read transaction.
 */
export async function verifyHistoryAction(_prev: FormState): Promise<FormState> {
  const auth = await authorize("history.verify");
  if (!auth.ok) return deniedState(auth);
  const reader = openDatabase(getDb().$client.name, { readonly: true });
  try {
    const result = await verifyHistory(reader, { pause: () => yieldToEventLoop() });
    if (result.ok) return { ok: true, message: { key: "audit.verified", values: { count: result.count, head: result.head } } };
    const b = result.broken;
    return b.kind === "tail"
      ? { ok: false, message: { key: "audit.brokenTail", values: { count: result.count, last: b.lastSeq, highest: b.highest } } }
      : { ok: false, message: { key: `audit.broken.${b.kind}`, values: { count: result.count, seq: b.seq } } };
  } finally {
    reader.close();
  }
}
