import { hash } from "node:crypto";

/**
 * Tamper evidence for the history: one global hash chain over every event.
 *   hash = SHA-256( prev_hash ‖ canonical JSON of the event )   (hex; the first event's prev_hash is GENESIS)
 * The canonical JSON is an object with the event's columns under their SQL names, keys in
 * alphabetical order, values exactly as stored: numbers, text, NULL, and the JSON columns
 * (old_value, new_value, data) as the text SQLite holds. So a verifier needs nothing but the
 * rows — from the database or from a full export — and any change to any column breaks the link.
 */
export const GENESIS = "0".repeat(64);

/** One event as stored (the JSON columns as their stored text). */
export type StoredEvent = {
  seq: number;
  at: number;
  risk_id: number | null;
  risk_version: number | null;
  actor_id: number | null;
  actor_name: string;
  action: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
  data: string | null;
};

export function canonicalEvent(e: StoredEvent): string {
  // Written out key by key, alphabetically, so no engine's property order can change the bytes.
  return JSON.stringify({
    action: e.action,
    actor_id: e.actor_id,
    actor_name: e.actor_name,
    at: e.at,
    data: e.data,
    field: e.field,
    new_value: e.new_value,
    old_value: e.old_value,
    reason: e.reason,
    risk_id: e.risk_id,
    risk_version: e.risk_version,
    seq: e.seq,
  });
}

export function chainHash(prevHash: string, e: StoredEvent): string {
  // The one-shot crypto.hash is ~4× faster than createHash().update().digest() per row, which is
  // most of the cost of verifying a million events.
  return hash("sha256", prevHash + canonicalEvent(e), "hex");
}

/** How a JSON column's value is stored: NULL for absent, else its JSON text. */
export function storedJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export type ChainBreak =
  | { kind: "gap"; seq: number; expected: number }
  | { kind: "prevHash"; seq: number }
  | { kind: "hash"; seq: number }
  | { kind: "unsealed"; seq: number }
  | { kind: "tail"; lastSeq: number; highest: number };

export type ChainResult = { ok: true; count: number; head: string } | { ok: false; count: number; broken: ChainBreak };

/**
 * Walks events in sequence order, one at a time, so a verifier can stream a million rows in
 * constant memory. Sequence numbers must run 1, 2, 3 … with no gap: deleting a row in the middle
 * breaks both the numbering and the next row's prev_hash.
 */
export function createChainVerifier() {
  let expectedSeq = 1;
  let prev = GENESIS;
  let count = 0;
  let broken: ChainBreak | null = null;
  return {
    /** Returns false once the chain is broken (later rows are not looked at). */
    push(e: StoredEvent & { prev_hash: string | null; hash: string | null }): boolean {
      if (broken) return false;
      if (e.seq !== expectedSeq) broken = { kind: "gap", seq: e.seq, expected: expectedSeq };
      else if (e.hash === null || e.prev_hash === null) broken = { kind: "unsealed", seq: e.seq };
      else if (e.prev_hash !== prev) broken = { kind: "prevHash", seq: e.seq };
      else if (chainHash(prev, e) !== e.hash) broken = { kind: "hash", seq: e.seq };
      if (broken) return false;
      prev = e.hash!;
      expectedSeq += 1;
      count += 1;
      return true;
    },
    /**
     * `highestIssued` is the highest sequence number ever handed out (SQLite's AUTOINCREMENT
     * high-water mark); if it is beyond the last row, events were removed from the end.
     */
    finish(highestIssued?: number): ChainResult {
      if (broken) return { ok: false, count, broken };
      if (highestIssued !== undefined && highestIssued > expectedSeq - 1) {
        return { ok: false, count, broken: { kind: "tail", lastSeq: expectedSeq - 1, highest: highestIssued } };
      }
      return { ok: true, count, head: prev };
    },
  };
}

export type SealedEvent = StoredEvent & { prev_hash: string; hash: string };

/**
 * Links a new event after the current head of the chain (undefined for the very first event):
 * it gets the next sequence number, the head's hash as prev_hash, and its own hash.
 */
export function linkEvent(head: { seq: number; hash: string } | undefined, e: Omit<StoredEvent, "seq">): SealedEvent {
  const prev = head?.hash ?? GENESIS;
  const stored: StoredEvent = { ...e, seq: (head?.seq ?? 0) + 1 };
  return { ...stored, prev_hash: prev, hash: chainHash(prev, stored) };
}
