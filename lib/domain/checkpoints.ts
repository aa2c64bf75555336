import { hash } from "node:crypto";

/**
 * Signed checkpoints of the history (decision 020): from time to time the chain's head — the last
 * sequence number and its hash — is signed with a key the database does not hold, and the signed
 * receipt is appended to a log kept outside the database. Whoever holds the public key and the
 * receipts can then tell a history that was rewritten consistently (every hash recomputed), or cut
 * short, from the one that was signed: the database's hash at a receipt's sequence must be the
 * receipt's, and no receipt may name a sequence the database no longer has.
 *
 * Each receipt also carries the digest of the receipt before it, so a receipt removed from the log,
 * or the log's order changed, is visible too.
 */
export const RECEIPT_VERSION = 1;
export const FIRST_RECEIPT = "0".repeat(64);

export type Receipt = {
  v: typeof RECEIPT_VERSION;
  /** The history's head when signed. */
  seq: number;
  hash: string;
  /** When it was signed (UTC ms). */
  at: number;
  /** SHA-256 of the previous receipt's line, or 64 zeros for the first. */
  prev: string;
  /** The signing key's fingerprint (SHA-256 of its public key, first 16 hex digits). */
  key: string;
  /** Ed25519 signature of `signedText`, base64. */
  sig: string;
};

/** Exactly what is signed: a versioned, line-separated text with no room for ambiguity. */
export function signedText(r: Pick<Receipt, "seq" | "hash" | "at" | "prev">): string {
  return `sise-checkpoint v${RECEIPT_VERSION}\n${r.seq}\n${r.hash}\n${r.at}\n${r.prev}`;
}

/** A receipt as one line of the log (keys in a fixed order, so its digest is reproducible). */
export function receiptLine(r: Receipt): string {
  return JSON.stringify({ v: r.v, seq: r.seq, hash: r.hash, at: r.at, prev: r.prev, key: r.key, sig: r.sig });
}

export const lineDigest = (line: string) => hash("sha256", line, "hex");

export function parseReceipt(line: string): Receipt | null {
  try {
    const r = JSON.parse(line) as Receipt;
    const ok =
      r &&
      r.v === RECEIPT_VERSION &&
      Number.isSafeInteger(r.seq) &&
      r.seq >= 0 &&
      /^[0-9a-f]{64}$/.test(r.hash) &&
      Number.isSafeInteger(r.at) &&
      /^[0-9a-f]{64}$/.test(r.prev) &&
      /^[0-9a-f]{16}$/.test(r.key) &&
      typeof r.sig === "string";
    return ok ? r : null;
  } catch {
    return null;
  }
}

export type ReceiptProblem =
  | { kind: "unreadable"; line: number }
  | { kind: "signature"; line: number; seq: number }
  | { kind: "order"; line: number; seq: number }
  | { kind: "missingEvent"; line: number; seq: number; lastSeq: number }
  | { kind: "rewritten"; line: number; seq: number };

export type ReceiptCheck =
  { ok: true; receipts: number; latest: Receipt | null } | { ok: false; receipts: number; problem: ReceiptProblem };

/**
 * Checks the receipt log against the history: each line readable, signed by the key, linked to the
 * line before it, in rising order; each receipt's sequence still in the database with the receipt's
 * hash. `hashAt` returns the database's hash at a sequence (undefined if there is none).
 */
export function checkReceipts(
  lines: string[],
  p: {
    verify: (text: string, signature: string) => boolean;
    hashAt: (seq: number) => string | undefined;
    lastSeq: number;
  },
): ReceiptCheck {
  let prev = FIRST_RECEIPT;
  let latest: Receipt | null = null;
  let count = 0;
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    const r = parseReceipt(line);
    if (!r) return { ok: false, receipts: count, problem: { kind: "unreadable", line: n } };
    if (!p.verify(signedText(r), r.sig))
      return { ok: false, receipts: count, problem: { kind: "signature", line: n, seq: r.seq } };
    if (r.prev !== prev || (latest && r.seq < latest.seq))
      return { ok: false, receipts: count, problem: { kind: "order", line: n, seq: r.seq } };
    if (r.seq > p.lastSeq)
      return { ok: false, receipts: count, problem: { kind: "missingEvent", line: n, seq: r.seq, lastSeq: p.lastSeq } };
    if (r.seq > 0 && p.hashAt(r.seq) !== r.hash)
      return { ok: false, receipts: count, problem: { kind: "rewritten", line: n, seq: r.seq } };
    prev = lineDigest(line);
    latest = r;
    count += 1;
  }
  return { ok: true, receipts: count, latest };
}
