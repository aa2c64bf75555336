import { createHash, generateKeyPairSync, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkReceipts, parseReceipt, receiptLine, signedText, type Receipt } from "@/lib/domain/checkpoints";

/**
 * The receipt log's rules (decision 020) against a key made here and hashes written out by hand:
 * the signed text and the line format are the documented ones, and each way a log can be wrong is
 * named with the line it is on.
 */
const keys = generateKeyPairSync("ed25519");
const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const KEY = "0123456789abcdef";
const H = (n: number) => sha(`event ${n}`);

/** A log of receipts at the given sequences, each linked to the line before, signed with `keys`. */
function log(seqs: number[], at = 1_764_547_200_000): string[] {
  const lines: string[] = [];
  let prev = "0".repeat(64);
  for (const [i, seq] of seqs.entries()) {
    // The documented text, written out here rather than taken from signedText.
    const text = `sise-checkpoint v1\n${seq}\n${H(seq)}\n${at + i}\n${prev}`;
    const sig = sign(null, Buffer.from(text), keys.privateKey).toString("base64");
    const line = JSON.stringify({ v: 1, seq, hash: H(seq), at: at + i, prev, key: KEY, sig });
    lines.push(line);
    prev = sha(line);
  }
  return lines;
}
const history = (lastSeq: number, overrides: Record<number, string> = {}) => ({
  verify: (text: string, sig: string) => verify(null, Buffer.from(text), keys.publicKey, Buffer.from(sig, "base64")),
  // Events are numbered from 1: sequence 0 (a receipt of the empty history) has no hash.
  hashAt: (seq: number) => (seq >= 1 && seq <= lastSeq ? (overrides[seq] ?? H(seq)) : undefined),
  lastSeq,
});

describe("signed checkpoints: the receipt format", () => {
  const r: Receipt = { v: 1, seq: 42, hash: H(42), at: 1_764_547_200_000, prev: "0".repeat(64), key: KEY, sig: "c2ln" };
  it("signs a versioned, line-separated text of sequence, hash, time and previous digest", () => {
    expect(signedText(r)).toBe(`sise-checkpoint v1\n42\n${H(42)}\n1764547200000\n${"0".repeat(64)}`);
  });
  it("writes a receipt as one JSON line with its keys in a fixed order", () => {
    const shuffled = { sig: r.sig, key: r.key, prev: r.prev, at: r.at, hash: r.hash, seq: r.seq, v: r.v } as Receipt;
    expect(receiptLine(shuffled)).toBe(
      `{"v":1,"seq":42,"hash":"${H(42)}","at":1764547200000,"prev":"${"0".repeat(64)}","key":"${KEY}","sig":"c2ln"}`,
    );
  });
  it("reads back exactly what it wrote", () => {
    expect(parseReceipt(receiptLine(r))).toEqual(r);
  });
  it.each([
    ["not JSON", "{"],
    ["null", "null"],
    ["another version", { ...r, v: 2 }],
    ["a negative sequence", { ...r, seq: -1 }],
    ["a fractional sequence", { ...r, seq: 1.5 }],
    ["a short hash", { ...r, hash: "ab" }],
    ["a hash with a prefix", { ...r, hash: `x${H(1)}` }],
    ["a hash with a suffix", { ...r, hash: `${H(1)}x` }],
    ["an uppercase hash", { ...r, hash: H(1).toUpperCase() }],
    ["a fractional time", { ...r, at: 1.5 }],
    ["a short previous digest", { ...r, prev: "0".repeat(63) }],
    ["a previous digest with a suffix", { ...r, prev: `${"0".repeat(64)}0` }],
    ["a previous digest with a prefix", { ...r, prev: `g${"0".repeat(64)}` }],
    ["a long key fingerprint", { ...r, key: `${KEY}0` }],
    ["a key fingerprint with a prefix", { ...r, key: `x${KEY}` }],
    ["a key that is not hex", { ...r, key: "zzzzzzzzzzzzzzzz" }],
    ["a missing signature", { ...r, sig: undefined }],
    ["a signature that is a number", { ...r, sig: 5 }],
  ])("refuses a line with %s", (_, line) => {
    expect(parseReceipt(typeof line === "string" ? line : JSON.stringify(line))).toBeNull();
  });
  it("accepts the first sequence (0, an empty history) and the previous digest of zeros", () => {
    expect(parseReceipt(receiptLine({ ...r, seq: 0 }))).toEqual({ ...r, seq: 0 });
  });
});

describe("signed checkpoints: checking the log against the history", () => {
  it("accepts an empty log", () => {
    expect(checkReceipts([], history(10))).toEqual({ ok: true, receipts: 0, latest: null });
  });
  it("accepts a log whose receipts all match, and names the latest", () => {
    const lines = log([3, 5, 5, 9]);
    const result = checkReceipts(lines, history(10));
    expect(result).toEqual({ ok: true, receipts: 4, latest: JSON.parse(lines[3]) });
  });
  it("accepts a receipt of the empty history (sequence 0), which names no event", () => {
    expect(checkReceipts(log([0]), history(0))).toMatchObject({ ok: true, receipts: 1 });
  });
  it("names an unreadable line by its number, counting the good ones before it", () => {
    const lines = log([1, 2]);
    expect(checkReceipts([lines[0], "garbage", lines[1]], history(5))).toEqual({
      ok: false,
      receipts: 1,
      problem: { kind: "unreadable", line: 2 },
    });
  });
  it("refuses a receipt whose signature does not match its text", () => {
    const lines = log([1, 2]);
    const forged = JSON.stringify({ ...JSON.parse(lines[1]), at: 5 });
    expect(checkReceipts([lines[0], forged], history(5))).toEqual({
      ok: false,
      receipts: 1,
      problem: { kind: "signature", line: 2, seq: 2 },
    });
  });
  it("refuses a log with a receipt removed from the middle (the link breaks)", () => {
    const lines = log([1, 2, 3]);
    expect(checkReceipts([lines[0], lines[2]], history(5))).toEqual({
      ok: false,
      receipts: 1,
      problem: { kind: "order", line: 2, seq: 3 },
    });
  });
  it("refuses a receipt whose sequence is lower than the one before it", () => {
    const lines = log([4, 2]);
    expect(checkReceipts(lines, history(5))).toEqual({
      ok: false,
      receipts: 1,
      problem: { kind: "order", line: 2, seq: 2 },
    });
  });
  it("refuses a receipt of an event the history no longer has (cut short)", () => {
    expect(checkReceipts(log([2, 6]), history(5))).toEqual({
      ok: false,
      receipts: 1,
      problem: { kind: "missingEvent", line: 2, seq: 6, lastSeq: 5 },
    });
  });
  it("accepts a receipt of the history's very last event", () => {
    expect(checkReceipts(log([5]), history(5))).toMatchObject({ ok: true, receipts: 1 });
  });
  it("refuses a receipt whose hash is not the history's at that sequence (rewritten)", () => {
    expect(checkReceipts(log([1, 3]), history(5, { 3: sha("rewritten") }))).toEqual({
      ok: false,
      receipts: 1,
      problem: { kind: "rewritten", line: 2, seq: 3 },
    });
  });
});
